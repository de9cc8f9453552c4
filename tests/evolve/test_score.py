"""Scores in the real sandbox: a Markdown scorer's printed number, a Kattis scoring validator's
score.txt, the aggregate; invalid runs and rejected outputs make a program invalid; a scorer
that fails is a judge error, never the program's fault."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sandbox.checkers import CheckerError
from sandbox.jobs import Program
from solver.evolve.score import aggregate, better, score_programs
from solver.problem import load_problem
from solver.run.program import read_program
from tests.conftest import PROBLEMS

SCORED = PROBLEMS / "scored"


def solutions(name: str) -> list[Program]:
    return [read_program(SCORED / name / "solutions" / f"{kind}.py")
            for kind in ("seed", "accepted", "wrong")]


def test_aggregates() -> None:
    assert aggregate([1.0, 2.0, 6.0], "mean") == 3.0
    assert aggregate([1.0, 2.0, 6.0], "sum") == 9.0
    assert aggregate([1.0, 2.0, 6.0], "min") == 1.0
    assert aggregate([1.0, 2.0, 6.0], "median") == 2.0
    assert better(1.0, 2.0, "min") and better(2.0, 1.0, "max")


@pytest.mark.integration
@pytest.mark.parametrize("name", ["knapsack", "tour", "machines"])
def test_our_scored_problems_tell_seed_heuristic_and_invalid_apart(pool, name: str) -> None:
    problem = load_problem(SCORED / name)
    seed, accepted, wrong = solutions(name)
    scores = score_programs(pool, [seed, accepted, wrong], problem)
    assert scores[seed.key].valid and scores[accepted.key].valid
    assert better(scores[accepted.key].score, scores[seed.key].score, problem.scoring.objective)
    tests = len(problem.examples) + len(problem.hidden)
    assert len(scores[accepted.key].per_test) == tests
    assert scores[accepted.key].score == pytest.approx(
        sum(scores[accepted.key].per_test) / tests)
    assert not scores[wrong.key].valid and scores[wrong.key].score is None
    assert scores[wrong.key].failure.startswith("sample/1: ")


@pytest.mark.integration
def test_a_failed_run_invalidates_and_a_broken_scorer_is_a_judge_error(pool) -> None:
    problem = load_problem(SCORED / "knapsack")
    crash_late = Program("python3", "import sys\nn, w = map(int, input().split())\n"
                         "if n > 500: sys.exit(3)\nprint(0)\nprint()\n")
    result = score_programs(pool, [crash_late], problem)[crash_late.key]
    assert not result.valid and result.failure.endswith("-large: RE")
    assert result.score is None
    broken = replace(problem, scoring=replace(problem.scoring,
                                              program=Program("python3", "print('many', 2)\n")))
    with pytest.raises(CheckerError, match="not one number"):
        score_programs(pool, [solutions("knapsack")[0]], broken)
