"""Stress testing a contestant's own program (`cpsolve stress`): reference.py (which reference
gives the expected answers, and where from), shrink.py (delta debugging of a failing input, pure),
loop.py (inputs in rounds, judged against the reference until they disagree, then shrunk)."""
