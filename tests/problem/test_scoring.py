"""Scored problems load: a Markdown `scorer:` with its objective and aggregate, and Kattis
packages of `type: scoring` (or legacy `validation: custom score`); bad ones fail in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

from solver.problem import load_problem
from tests.conftest import PROBLEMS, error_of, write

SCORED = PROBLEMS / "scored"


def test_our_scored_problems_load_with_their_scorers() -> None:
    knapsack, tour, machines = (load_problem(SCORED / n) for n in ("knapsack", "tour",
                                                                    "machines"))
    assert (knapsack.scoring.kind, knapsack.scoring.objective) == ("scorer", "max")
    assert (tour.scoring.kind, tour.scoring.objective) == ("scorer", "min")
    assert (machines.scoring.kind, machines.scoring.objective) == ("kattis", "min")
    assert machines.source_format == "kattis" and machines.custom_checker is not None
    for problem in (knapsack, tour, machines):
        assert problem.scoring.aggregate == "mean"
        sizes = [len(test.input) for test in problem.hidden]
        assert len(problem.examples) == 2 and max(sizes) > 10 * min(sizes)  # medium and large
    assert load_problem(PROBLEMS / "max-of-list").scoring is None


def markdown(folder: Path, front: str) -> Path:
    write(folder / "problem.md", f"---\ntitle: T\n{front}---\n\nText.\n\n```input\n1\n```\n\n"
          "```output\n1\n```\n")
    write(folder / "scorer.py", "print(1)\n")
    return folder


def test_markdown_scorer_settings_are_checked(tmp_path: Path) -> None:
    problem = load_problem(markdown(tmp_path / "a", "scorer: scorer.py\naggregate: min\n"))
    assert (problem.scoring.objective, problem.scoring.aggregate) == ("max", "min")
    assert "objective must be max or min" in error_of(
        markdown(tmp_path / "b", "scorer: scorer.py\nobjective: most\n"))
    assert "aggregate must be one of" in error_of(
        markdown(tmp_path / "c", "scorer: scorer.py\naggregate: mode\n"))
    assert "objective is given but no scorer" in error_of(
        markdown(tmp_path / "d", "objective: min\n"))
    assert "no such scorer file" in error_of(markdown(tmp_path / "e", "scorer: nope.py\n"))


def test_kattis_scoring_packages_need_an_output_validator(tmp_path: Path) -> None:
    package = tmp_path / "machines"
    shutil.copytree(SCORED / "machines", package)
    legacy = package / "problem.yaml"
    legacy.write_text("name: M\nvalidation: custom score\n", encoding="utf-8")
    problem = load_problem(package)
    assert (problem.scoring.kind, problem.scoring.objective) == ("kattis", "max")  # default
    shutil.rmtree(package / "output_validators")
    assert "needs an output validator" in error_of(package)
    legacy.write_text("name: M\n", encoding="utf-8")
    assert load_problem(package).scoring is None
