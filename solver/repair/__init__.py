"""Stage 4, repair: learning from failures on the examples, at a fixed budget.

feedback.py (what the model is told of a failure: never a hidden test), choose.py (which failures
are repaired, which one the notes warn of), prompts.py (the repair and note prompts from the
profile), budget.py (how much of the budget feedback may take), loop.py (sampling, judging and
repairing chunk by chunk).
"""
