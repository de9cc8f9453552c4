"""The selection benchmark's arithmetic (rankings, the random arm's expectation, the Wilson
interval), and one real run checked against `batch --samples-from`."""

from __future__ import annotations

from math import comb
from pathlib import Path

import pytest

from sandbox.jobs import Program
from solver.bench.select import (
    ARMS,
    benchmark_selection,
    random_expectation,
    solved_in_order,
    tied_solved_at_1,
    wilson_interval,
)
from solver.selection.clustering import Candidate, Cluster
from solver.selection.ranking import rank_clusters, rank_keys
from tests.conftest import REPO

BENCH = REPO.parent / "shared" / "bench"
LABELLED = REPO / "tests" / "judge_agreement"


def cluster(name: str, *, samples: int, failures: int, members: int = 1, runs: int = 30
            ) -> Cluster:
    """A cluster of `members` distinct programs holding `samples` samples in all, whose
    representative ran on `runs` generated inputs."""
    candidates = [Candidate(Program("python3", f"print('{name}{i}')"),
                            sample_ids=list(range(samples if i == 0 else 1)))
                  for i in range(members)]
    return Cluster(signature=name, members=candidates, representative=candidates[0],
                   failures=failures, mean_time_s=0.0, runs=runs)


def test_random_expectation_weighs_rank_1_by_samples_and_top_10_by_programs() -> None:
    survivors = [(3, True), (1, False), (4, False)] + [(1, False)] * 9
    at_1, at_10 = random_expectation(survivors)
    assert at_1 == pytest.approx(3 / 17)
    # 12 distinct programs, 1 correct: ten of them miss it in C(11, 10) of C(12, 10) draws.
    assert at_10 == pytest.approx(1 - comb(11, 10) / comb(12, 10))
    assert random_expectation([(2, True), (5, False)]) == (pytest.approx(2 / 7), 1.0)
    assert random_expectation([]) == (0.0, 0.0)
    assert random_expectation([(1, False), (2, False)]) == (0.0, 0.0)


def test_runs_clean_puts_the_cluster_that_never_fails_first_then_size() -> None:
    big_but_crashing = cluster("big", samples=5, failures=6)
    clean_small = cluster("small", samples=2, failures=0)
    clean_smaller = cluster("smaller", samples=1, failures=0)
    by_size = [big_but_crashing, clean_small, clean_smaller]
    assert rank_clusters(by_size, "size") == by_size
    ranked = rank_clusters(by_size, "evidence")
    assert ranked == [clean_small, clean_smaller, big_but_crashing]
    assert big_but_crashing.clean_share == pytest.approx(0.8)
    # No generated inputs: no evidence, the size order stands.
    unrun = [cluster(c.signature, samples=c.size, failures=0, runs=0) for c in by_size]
    assert rank_clusters(unrun, "evidence") == unrun


def test_solved_in_order_chooses_as_solve_does() -> None:
    wrong = cluster("wrong", samples=3, failures=0, members=2)
    right = cluster("right", samples=1, failures=0)
    correct = {right.representative.key}
    assert solved_in_order([wrong, right], correct) == (False, True)
    assert solved_in_order([right, wrong], correct) == (True, True)
    assert solved_in_order([wrong, right], correct, k=1) == (False, False)
    assert solved_in_order([], correct) == (False, False)
    # A correct second member of the first cluster comes only after every representative.
    second = wrong.members[1].key
    assert solved_in_order([wrong, right], {second}, k=2) == (False, False)
    assert solved_in_order([wrong, right], {second}, k=3) == (False, True)


def test_solved_at_1_is_an_expectation_over_tied_clusters() -> None:
    a, b, c = (cluster(n, samples=2, failures=0) for n in "abc")
    small = cluster("d", samples=1, failures=0)
    order = [a, b, c, small]
    keys = rank_keys(order, "size")
    right = {b.representative.key}
    assert tied_solved_at_1(order, keys, right) == pytest.approx(1 / 3)  # a, b, c tie on size
    assert tied_solved_at_1(order, keys, {small.representative.key}) == 0.0
    assert tied_solved_at_1([], {}, right) == 0.0


def test_wilson_interval() -> None:
    low, high = wilson_interval(18, 22)
    assert (round(low, 3), round(high, 3)) == (0.615, 0.927)
    assert wilson_interval(0, 10)[0] == 0.0
    assert wilson_interval(10, 10)[1] == pytest.approx(1.0)
    assert wilson_interval(0, 0) == (0.0, 1.0)
    low, high = wilson_interval(2.5, 5)  # an expected count (the random arm)
    assert low < 0.5 < high and high - 0.5 == pytest.approx(0.5 - low)


@pytest.mark.integration
def test_bench_select_on_a_labelled_problem_agrees_with_batch(pool, tmp_path: Path) -> None:
    from solver.batch import solve_one
    from solver.solve import SolveOptions

    if not BENCH.is_dir():
        pytest.skip(f"{BENCH} is not here (the shared benchmark sits beside the repository)")
    key = "na-rocky-mountain-2018-public/qaly"
    report = benchmark_selection([(key, BENCH / key)], LABELLED, pool)
    assert set(report["arms"]) == set(ARMS)
    for arm in report["arms"].values():
        assert set(arm) == {"solved_at_1", "solved_at_10", "ci95", "vs_size"}
        low, high = arm["ci95"]
        assert 0.0 <= low <= arm["solved_at_1"] <= high <= 1.0
    [row] = report["problems"]
    assert row["id"] == key and row["error"] is None and row["survivors"] >= 1
    batch = solve_one(key, BENCH / key, pool, SolveOptions(), tmp_path, programs_root=LABELLED)
    assert batch.status == "done"
    assert row["arms"]["size"]["solved_at_1"] == float(batch.solved_at_1)
    assert row["arms"]["size"]["solved_at_10"] == float(batch.solved_at_10)
    assert row["correct_survivors"] == batch.evaluation["correct_survivors"]


def test_learned_arm_scores_its_order_and_only_held_out_problems_count() -> None:
    from solver.bench.select import LEARNED_ARM, ProblemScores, learned_arm, summarise_arms
    from solver.selection.scorer import LearnedRanker
    from tests.selection.test_scorer import model_on

    crashing = cluster("big", samples=3, failures=9)
    clean = cluster("clean", samples=1, failures=0)
    right = {clean.representative.key}
    model = LearnedRanker(model_on("clean_share", 4.0))
    assert learned_arm([crashing, clean], model, right) == {"solved_at_1": 1.0,
                                                            "solved_at_10": 1.0}
    assert learned_arm([crashing, clean], LearnedRanker(model_on("clean_share", -4.0)),
                       right) == {"solved_at_1": 0.0, "solved_at_10": 1.0}
    arms = {arm: {"solved_at_1": 0.0, "solved_at_10": 1.0} for arm in ARMS}
    held = ProblemScores(id="a", arms={**arms, LEARNED_ARM: {"solved_at_1": 1.0,
                                                             "solved_at_10": 1.0}},
                         trained_on=False)
    summary = summarise_arms([held], (*ARMS, LEARNED_ARM))
    assert summary[LEARNED_ARM]["solved_at_1"] == 1.0 and summary["size"]["solved_at_1"] == 0.0


@pytest.mark.integration
def test_dual_arm_scores_the_tests_the_model_wrote(pool, tmp_path: Path) -> None:
    from solver.bench.select import DUAL_ARM
    from solver.problem import Problem, TestCase

    key = "max-of-list"
    labelled = tmp_path / "labelled" / key
    right = "n = int(input())\nprint(max(map(int, input().split())))\n"
    # Three spellings of one mistake (the last number is never read): the biggest cluster.
    wrong = ["input()\nprint(max(list(map(int, input().split()))[:-1]))\n",
             "input()\na = [int(x) for x in input().split()]\nprint(max(a[:len(a) - 1]))\n",
             "input()\nv = input().split()\nv.pop()\nprint(max(int(x) for x in v))\n"]
    (labelled / "accepted").mkdir(parents=True)
    (labelled / "wrong_answer").mkdir()
    (labelled / "accepted" / "right.py").write_text(right, encoding="utf-8")
    for i, source in enumerate(wrong):
        (labelled / "wrong_answer" / f"but_last_{i}.py").write_text(source, encoding="utf-8")
    asked: list[str] = []

    def write_tests(problem: Problem) -> list[TestCase]:
        asked.append(problem.title)  # a model's tests, written here: the maximum comes last
        return [TestCase("t0", b"3\n1 2 9\n", b"9\n"), TestCase("t1", b"2\n4 6\n", b"6\n")]

    problems = [(key, REPO / "problems" / key)]
    without = benchmark_selection(problems, tmp_path / "labelled", pool)
    assert DUAL_ARM not in without["arms"] and without["problems"][0]["model_tests"] is None
    report = benchmark_selection(problems, tmp_path / "labelled", pool, write_tests=write_tests)
    [row] = report["problems"]
    assert asked == ["Maximum of a List"] and row["model_tests"] == 2
    assert row["survivors"] == 4 and row["correct_survivors"] == 1
    assert row["arms"]["size"]["solved_at_1"] == 0.0  # 3 wrong samples against 1 right
    assert row["arms"][DUAL_ARM]["solved_at_1"] == 1.0  # 1 x 2 tests against 3 x 0
    assert report["arms"][DUAL_ARM]["solved_at_1"] == 1.0
