"""Tests for solver.evaluation: the pass@k estimator and the per-problem numbers."""

from __future__ import annotations

from math import prod

import pytest

from sandbox.jobs import Program, Verdict
from solver.evaluation import HiddenVerdict, evaluation_json, pass_at_k, summarise


def pass_at_k_by_product(n: int, c: int, k: int) -> float:
    """The numerically stable form from Chen et al. 2021: 1 - prod(1 - k / i), i = n-c+1..n."""
    if n - c < k:
        return 1.0
    return 1.0 - prod(1.0 - k / i for i in range(n - c + 1, n + 1))


@pytest.mark.parametrize("n,c,k", [(10, 1, 1), (10, 3, 5), (200, 7, 10), (64, 0, 10), (5, 5, 1)])
def test_pass_at_k_matches_the_paper(n: int, c: int, k: int) -> None:
    assert pass_at_k(n, c, k) == pytest.approx(pass_at_k_by_product(n, c, k))


def test_pass_at_k_edges() -> None:
    assert pass_at_k(10, 1, 1) == pytest.approx(0.1)
    assert pass_at_k(10, 0, 10) == 0.0
    assert pass_at_k(10, 1, 10) == 1.0  # every sample drawn
    assert pass_at_k(3, 1, 10) == 1.0  # k > n: all drawn, one is correct
    assert pass_at_k(3, 0, 10) == 0.0
    assert pass_at_k(0, 0, 1) == 0.0


def prog(name: str) -> Program:
    return Program("python3", f"print({name!r})\n")


def test_summarise_counts_samples_not_programs() -> None:
    right, wrong, slow = prog("right"), prog("wrong"), prog("slow")
    verdicts = {
        right.key: HiddenVerdict(Verdict.OK, 5),
        wrong.key: HiddenVerdict(Verdict.WA, 3),
        slow.key: HiddenVerdict(Verdict.TLE, 4),
    }
    # 10 samples: 3 gave the right program, 2 the wrong one, 1 the slow one, 4 failed examples.
    evaluation = summarise(10, [(right, 3), (wrong, 2), (slow, 1)], verdicts, [wrong, right], 5)
    assert evaluation.correct_samples == 3
    assert evaluation.correct_survivors == 1
    assert evaluation.pass_at[1] == pytest.approx(0.3)
    assert evaluation.pass_at[10] == 1.0
    assert evaluation.solved_at_1 is False
    assert evaluation.solved_at_10 is True
    data = evaluation_json(evaluation)
    assert data["pass_at"] == {"1": 0.3, "10": 1.0}
    assert data["hidden_tests"] == 5 and data["samples"] == 10


def test_summarise_only_first_ten_count_for_solved_at_10() -> None:
    programs = [prog(str(i)) for i in range(11)]
    verdicts = {p.key: HiddenVerdict(Verdict.WA, 0) for p in programs}
    verdicts[programs[10].key] = HiddenVerdict(Verdict.OK, 1)
    evaluation = summarise(11, [(p, 1) for p in programs], verdicts, programs, 1)
    assert not evaluation.solved_at_10
    assert evaluation.correct_samples == 1


def test_summarise_nothing_passed() -> None:
    evaluation = summarise(8, [], {}, [], 4)
    assert evaluation.pass_at == {1: 0.0, 10: 0.0}
    assert not evaluation.solved_at_1 and not evaluation.solved_at_10
    assert evaluation_json(None) is None
