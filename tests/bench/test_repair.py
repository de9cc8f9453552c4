"""The repair benchmark on a scripted model: both arms at the same tokens, paired through one
cache, and the difference reported per problem."""

from __future__ import annotations

import pytest

from solver.bench.repair import benchmark_repair, paired_test
from solver.repair.budget import RepairOptions
from solver.sampling.types import SamplingOptions
from solver.solve import SolveOptions
from tests.repair.test_loop import RepairingModel, make_problem

pytestmark = pytest.mark.integration


def test_paired_arms_at_equal_tokens(pool, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    make_problem(tmp_path / "set")
    model = RepairingModel()
    report = benchmark_repair(
        [("add", tmp_path / "set" / "add")], model, pool,
        SolveOptions(sampling=SamplingOptions(samples=8)), seeds=2,
        repair=RepairOptions(rounds=1, share=0.25))
    # Repair arm: 6 fresh (all a - b), one repair (one distinct failure) that is right, and one
    # note (told the failing example, the scripted model is right too). 8 x 20 tokens.
    assert report["repair"]["solved_at_1"] == 1 and report["repair"]["tokens"] == 160
    assert report["repair"]["repairs"] == 1 and report["repair"]["repairs_passed"] == 1
    # Plain arm: the same 160 tokens, all fresh samples, all wrong.
    assert report["plain"]["solved_at_1"] == 0 and report["plain"]["tokens"] == 160
    assert report["plain"]["completions"] == 8 and report["plain"]["repairs"] == 0
    assert report["paired"]["solved_at_1"] == {"repair_only": 2, "plain_only": 0,
                                               "p_value": 0.5}
    [row] = report["problems"]
    assert row["difference"]["solved_at_1"] == 1 and len(row["runs"]) == 2
    # Each seed drew afresh (a private cache per seed): 6 fresh samples + 2 feedback
    # completions + 2 more plain samples, twice.
    assert len(model.prompts) == 2 * (1 + 1 + 1 + 2)


def test_a_recorded_run_resumes_without_measuring_again(pool, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    make_problem(tmp_path / "set")
    settings = {"seeds": 1, "repair": RepairOptions(rounds=1), "record": tmp_path / "record"}
    first = benchmark_repair([("add", tmp_path / "set" / "add")], RepairingModel(), pool,
                             SolveOptions(sampling=SamplingOptions(samples=8)), **settings)
    assert (tmp_path / "record" / "seed-1" / "add.json").is_file()
    idle = RepairingModel()
    again = benchmark_repair([("add", tmp_path / "set" / "add")], idle, pool,
                             SolveOptions(sampling=SamplingOptions(samples=8)), **settings)
    assert idle.prompts == [] and again["problems"] == first["problems"]


def test_paired_test_counts_only_discordant_pairs():
    def run(plain: bool, repair: bool) -> dict:
        return {"plain": {"solved_at_1": plain}, "repair": {"solved_at_1": repair}}

    runs = [run(True, True), run(False, False)] + [run(False, True)] * 6 + [run(True, False)]
    test = paired_test(runs)
    assert (test["repair_only"], test["plain_only"]) == (6, 1)
    assert abs(test["p_value"] - 2 * (1 + 7) / 128) < 1e-12  # P(X <= 1), X ~ B(7, 1/2), twice
    assert paired_test([run(True, True)])["p_value"] == 1.0
