"""A problem's tests and limits as the sandbox takes them."""

from __future__ import annotations

from collections.abc import Sequence

from sandbox.jobs import Limits
from sandbox.tester import Test
from solver.problem import Problem, TestCase


def limits_for(problem: Problem) -> Limits:
    """The problem's time and memory limits; the sandbox's defaults for everything else."""
    return Limits(time_s=problem.time_limit_s, memory_mb=problem.memory_limit_mb)


def as_tests(cases: Sequence[TestCase]) -> list[Test]:
    return [Test(case.name, case.input, case.output) for case in cases]
