"""The paired sign test the benchmarks report (solver/bench/significance.py)."""

from __future__ import annotations

import pytest

from solver.bench.select import ProblemScores, summarise_arms
from solver.bench.significance import sign_test_p


def test_sign_test_matches_the_binomial_tails() -> None:
    assert sign_test_p(6, 0) == pytest.approx(2 / 64)  # all six one way
    assert sign_test_p(5, 3) == pytest.approx(2 * (1 + 8 + 28 + 56) / 256)  # 0.727
    assert sign_test_p(3, 5) == sign_test_p(5, 3)
    assert sign_test_p(4, 4) == 1.0 and sign_test_p(0, 0) == 1.0


def test_arms_are_compared_with_size_problem_by_problem() -> None:
    def scored(key: str, size: float, other: float) -> ProblemScores:
        return ProblemScores(id=key, arms={"size": {"solved_at_1": size, "solved_at_10": 1.0},
                                           "other": {"solved_at_1": other, "solved_at_10": 1.0}})

    scores = [scored("a", 0.0, 1.0), scored("b", 0.5, 1.0), scored("c", 1.0, 1.0),
              scored("d", 1.0, 0.0)]
    summary = summarise_arms(scores, ("size", "other"))
    assert summary["other"]["vs_size"] == {"better": 2, "worse": 1, "p": 1.0}
    assert summary["size"]["vs_size"] == {"better": 0, "worse": 0, "p": 1.0}
