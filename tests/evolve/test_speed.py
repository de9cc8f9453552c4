"""The too-slow mode in the real sandbox: a faster child that agrees with its parent on the
small inputs scores lower (median seconds on the largest inputs); one that disagrees does not
count, however fast."""

from __future__ import annotations

import pytest

from sandbox.jobs import Program
from solver.evolve.speed import SpeedEvaluator, speed_inputs
from solver.problem import load_problem
from tests.conftest import PROBLEMS

READ = "n = int(input())\na = list(map(int, input().split()))\n"
SLOW = Program("python3", READ + "best = a[0]\nfor _ in range(500):\n    best = max(a)\n"
               "print(best)\n")
FAST = Program("python3", READ + "print(max(a))\n")
WRONG = Program("python3", READ + "print(min(a))\n")


def test_large_inputs_come_from_the_statements_ranges() -> None:
    inputs = speed_inputs(load_problem(PROBLEMS / "max-of-list"), large=2)
    assert len(inputs.large) == 2 and len(inputs.small) > 2
    assert min(len(data) for data in inputs.large) > 10 * max(len(d) for d in inputs.small[:2])


@pytest.mark.integration
def test_faster_and_agreeing_scores_lower_disagreeing_does_not_count(pool) -> None:
    problem = load_problem(PROBLEMS / "max-of-list")
    evaluator = SpeedEvaluator(pool, problem, speed_inputs(problem, large=2), repeats=3)
    scores = evaluator.evaluate([SLOW, FAST, WRONG],
                                {SLOW.key: None, FAST.key: SLOW, WRONG.key: SLOW})
    slow, fast, wrong = scores[SLOW.key], scores[FAST.key], scores[WRONG.key]
    assert slow.valid and fast.valid and len(fast.per_test) == 2
    assert fast.score < slow.score / 5  # medians of three runs each
    assert not wrong.valid and "differs from the parent's" in wrong.failure
    assert evaluator.objective == "min" and "faster" in evaluator.goal
