"""Stage 1, the problem: what one task is (types.py) and how it is read from files (load.py,
one reader per format in formats/, the problem's own checker in checkers.py)."""

from solver.problem.load import FORMATS, detect_format, load_problem, problem_as_json
from solver.problem.types import Problem, ProblemError, TestCase

__all__ = ["FORMATS", "Problem", "ProblemError", "TestCase", "detect_format", "load_problem",
           "problem_as_json"]
