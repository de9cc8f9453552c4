"""Judge agreement: our verdict on every labelled program here equals its label.

tests/judge_agreement/<contest>/<problem>/<label>/<program> are programs written for problems of
../shared/bench, labelled like a Kattis jury's submissions (accepted/, wrong_answer/,
time_limit_exceeded/, run_time_error/).
"""

from __future__ import annotations

import pytest

from tests.conftest import REPO

HERE = REPO / "tests" / "judge_agreement"
BENCH = REPO.parent / "shared" / "bench"  # ../shared/bench from the repository
PROBLEMS = sorted(path.parent.relative_to(HERE).as_posix()
                  for path in HERE.glob("*/*/accepted"))

pytestmark = pytest.mark.integration


def test_there_are_labelled_programs_for_ten_problems_or_more():
    assert len(PROBLEMS) >= 10


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_every_labelled_program_gets_its_label(pool, problem_id):
    from cli.bench import judge_agreement, labelled_programs
    from solver.problem import load_problem

    if not (BENCH / problem_id).is_dir():
        pytest.skip(f"benchmark problem {problem_id} is not in {BENCH}")
    labelled = labelled_programs(HERE / problem_id)
    report = judge_agreement(pool, load_problem(BENCH / problem_id), labelled)
    disagreeing = [(row["file"], row["label"], row["verdict"])
                   for row in report["programs"] if not row["agrees"]]
    assert disagreeing == []
    assert {label for label, _ in labelled} >= {"accepted", "wrong_answer"}


def test_java_and_pypy_programs_are_labelled_too():
    from cli.bench import LABELS, labelled_programs
    from solver.run.program import read_program

    labels_by_language: dict[str, set[str]] = {}
    for problem_id in PROBLEMS:
        for label, path in labelled_programs(HERE / problem_id):
            labels_by_language.setdefault(read_program(path).language, set()).add(label)
    # Every label in both: CI checks each kind of verdict in each language.
    assert labels_by_language["java"] == set(LABELS)
    assert labels_by_language["pypy3"] == set(LABELS)
