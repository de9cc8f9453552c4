"""Stage 3, running: programs on a problem's tests in the sandbox.

tests.py (a problem's tests and limits as the sandbox takes them), examples.py (the example
filter and per-stage judging with progress), stream.py (sampling overlapped with the example
filter), program.py (one program judged on a problem, as `cpsolve test` shows it).
"""
