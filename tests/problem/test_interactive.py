"""Interactive problems in every format that can hold one: a Kattis package (`validation: custom
interactive`), Markdown front matter (`interactor:`), a testlib interactor beside the files,
and competitive-companion JSON (`"interactive": true`, with or without an interactor beside);
then our own interactive problems judged for real."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from solver.problem import load_problem
from tests.conftest import PROBLEMS, error_of, write

GUESS = PROBLEMS / "guess-number"
PEAK = PROBLEMS / "find-peak"
INTERACTOR = (GUESS / "interactor.py").read_text(encoding="utf-8")


def kattis_package(root: Path, yaml: str, validator: bool = True) -> Path:
    """A Kattis package of guess-number, its interactor as the output validator."""
    write(root / "problem.yaml", yaml)
    write(root / "problem_statement" / "problem.en.tex",
          "\\problemname{Guess}\nGuess the number.\n")
    write(root / "data" / "sample" / "1.in", "10 7\n")
    write(root / "data" / "sample" / "1.ans", "! 7\n")
    write(root / "data" / "secret" / "1.in", "1000 1000\n")
    write(root / "data" / "secret" / "1.ans", "! 1000\n")
    if validator:
        write(root / "output_validators" / "guess" / "interactor.py", INTERACTOR)
    return root


@pytest.mark.parametrize("yaml", [
    "name: Guess\nvalidation: custom interactive\n",  # the legacy format
    "name: Guess\ntype: interactive\n",  # 2023-07
    "name: Guess\ntype: [pass-fail, interactive]\n",
])
def test_kattis_interactive_package(tmp_path: Path, yaml: str) -> None:
    problem = load_problem(kattis_package(tmp_path / "guess", yaml))
    assert problem.interactive
    checker = problem.output_checker
    assert checker.kind == "kattis" and checker.interactive and checker.program is not None
    assert checker.program.source == INTERACTOR and checker.program.language == "python3"
    assert problem.examples[0].input == b"10 7\n"  # the interactor's input file


def test_kattis_custom_validation_is_not_interactive(tmp_path: Path) -> None:
    problem = load_problem(kattis_package(tmp_path / "guess", "validation: custom\n"))
    assert problem.custom_checker is not None and not problem.interactive


def test_kattis_interactive_package_without_its_interactor(tmp_path: Path) -> None:
    root = kattis_package(tmp_path / "guess", "validation: custom interactive\n",
                          validator=False)
    message = error_of(root)
    assert "interactive" in message and "interactor" in message and str(root) in message


def markdown(root: Path, front: str, body_examples: str = "```input\n10 7\n```\n\n"
             "```output\n! 7\n```\n") -> Path:
    return write(root / "problem.md", f"---\ntitle: Guess\n{front}---\n\n## Input\n\nn.\n\n"
                                      f"## Output\n\nx.\n\n## Examples\n\n{body_examples}")


def test_markdown_front_matter_names_the_interactor(tmp_path: Path) -> None:
    write(tmp_path / "p" / "judge" / "talk.py", INTERACTOR)
    markdown(tmp_path / "p", "interactor: judge/talk.py\ninteractor_kind: kattis\n")
    problem = load_problem(tmp_path / "p")
    assert problem.interactive and problem.output_checker.kind == "kattis"
    assert problem.output_checker.program is not None
    assert problem.output_checker.program.source == INTERACTOR


def test_markdown_interactor_is_testlib_style_unless_told(tmp_path: Path) -> None:
    write(tmp_path / "p" / "interactor.cpp", "int main() { return 0; }\n")
    write(tmp_path / "p" / "testlib.h", "// the header, compiled along\n")
    markdown(tmp_path / "p", "interactor: interactor.cpp\n")
    checker = load_problem(tmp_path / "p").output_checker
    assert checker.kind == "testlib" and checker.interactive and checker.program is not None
    assert checker.program.language == "cpp17"
    assert checker.program.headers == (("testlib.h", "// the header, compiled along\n"),)


@pytest.mark.parametrize(("front", "needle"), [
    ("interactor: missing.py\n", "no such interactor file"),
    ("interactor: judge.py\ninteractor_kind: polygon\n", "unknown interactor kind"),
    ("interactor: [a, b]\n", "interactor must be a file name"),
    ("interactor_kind: kattis\n", "no interactor"),
    ("interactor: notes.txt\n", "one source file"),
])
def test_markdown_interactor_mistakes(tmp_path: Path, front: str, needle: str) -> None:
    write(tmp_path / "p" / "judge.py", INTERACTOR)
    write(tmp_path / "p" / "notes.txt", "not a program")
    message = error_of(markdown(tmp_path / "p", front))
    assert needle in message and str(tmp_path / "p") in message


def test_a_testlib_interactor_beside_a_problem_is_found(tmp_path: Path) -> None:
    # Codeforces style: interactor.cpp in the problem's folder, no front matter; it wins over
    # a checker beside it (without the interactor nothing could run).
    write(tmp_path / "p" / "interactor.py", INTERACTOR)
    write(tmp_path / "p" / "checker.py", "import sys\nsys.exit(0)\n")
    markdown(tmp_path / "p", "")
    checker = load_problem(tmp_path / "p").output_checker
    assert checker.kind == "testlib" and checker.interactive
    assert checker.program is not None and checker.program.source == INTERACTOR


def test_a_plain_problem_is_not_interactive(tmp_path: Path) -> None:
    problem = load_problem(markdown(tmp_path / "p", ""))
    assert not problem.interactive and not problem.output_checker.interactive


COMPANION = {"name": "A. Guess", "url": "https://codeforces.com/contest/1/problem/A",
             "timeLimit": 1000, "memoryLimit": 256, "interactive": True,
             "tests": [{"input": "10 7", "output": "! 7"}]}


def test_companion_interactive_with_its_interactor_beside(tmp_path: Path) -> None:
    write(tmp_path / "interactor.py", INTERACTOR)
    problem = load_problem(write(tmp_path / "guess.json", json.dumps(COMPANION)))
    assert problem.interactive and problem.output_checker.kind == "testlib"
    assert problem.examples[0].input == b"10 7\n"


def test_companion_interactive_without_an_interactor(tmp_path: Path) -> None:
    message = error_of(write(tmp_path / "guess.json", json.dumps(COMPANION)))
    assert "interactive" in message and "needs its interactor" in message
    assert "interactor.py" in message


def test_companion_posted_without_a_file_cannot_have_an_interactor() -> None:
    from solver.problem.formats.companion import from_companion
    from solver.problem.types import ProblemError

    with pytest.raises(ProblemError, match="needs its interactor"):
        from_companion(COMPANION, "POST /")


def test_companion_not_interactive_ignores_an_interactor_beside(tmp_path: Path) -> None:
    write(tmp_path / "interactor.py", INTERACTOR)
    plain = dict(COMPANION, interactive=False, tests=[{"input": "1 2", "output": "3"}])
    assert not load_problem(write(tmp_path / "sum.json", json.dumps(plain))).interactive


def test_our_interactive_problems_load() -> None:
    guess, peak = load_problem(GUESS), load_problem(PEAK)
    assert guess.interactive and guess.output_checker.kind == "kattis"
    assert peak.interactive and peak.output_checker.kind == "testlib"
    assert peak.output_checker.program is not None
    assert peak.output_checker.program.language == "cpp17"
    for problem in (guess, peak):
        assert len(problem.input_validators) == 1  # what lets selection generate inputs
        assert len(problem.hidden) == 12
        assert max(len(test.input) for test in problem.hidden) < 100_000


@pytest.mark.integration
@pytest.mark.parametrize("folder", [GUESS, PEAK], ids=["guess-number", "find-peak"])
def test_each_solution_of_our_interactive_problems_gets_its_verdict(pool, folder: Path) -> None:
    from sandbox.jobs import Verdict
    from sandbox.tester import judge, overall
    from solver.run.program import read_program
    from solver.run.tests import as_tests, limits_for

    problem = load_problem(folder)
    solutions = {name: read_program(folder / "solutions" / f"{name}.py")
                 for name in ("accepted", "wrong", "idle", "early_exit")}
    results = judge(pool, list(solutions.values()), as_tests(problem.examples + problem.hidden),
                    limits_for(problem), problem.output_checker, stop_at_first_failure=True)
    verdicts = {name: overall(results[program.key]) for name, program in solutions.items()}
    assert verdicts == {"accepted": Verdict.OK, "wrong": Verdict.WA, "idle": Verdict.TLE,
                        "early_exit": Verdict.WA}, {
        name: [(run.verdict.value, run.wall_s, run.checker_message[:40])
               for run in results[program.key]] for name, program in solutions.items()}
    accepted = results[solutions["accepted"].key]
    # The examples' outputs are what the accepted program prints talking to the interactor.
    for case, run in zip(problem.examples, accepted, strict=False):
        assert run.stdout == case.output
    # The plausible mistake passes the examples: only the hidden tests catch it.
    assert [run.verdict for run in results[solutions["wrong"].key][:2]] == [Verdict.OK] * 2


@pytest.mark.integration
def test_a_kattis_interactive_package_is_judged(pool, tmp_path: Path) -> None:
    from sandbox.jobs import Verdict
    from sandbox.tester import judge
    from solver.run.program import read_program
    from solver.run.tests import as_tests, limits_for

    root = kattis_package(tmp_path / "guess", "validation: custom interactive\n")
    shutil.copy(GUESS / "solutions" / "accepted.py", tmp_path / "accepted.py")
    problem = load_problem(root)
    program = read_program(tmp_path / "accepted.py")
    [sample, secret] = judge(pool, [program], as_tests(problem.examples + problem.hidden),
                             limits_for(problem), problem.output_checker)[program.key]
    assert sample.verdict is secret.verdict is Verdict.OK
    assert "found x = 1000" in secret.checker_message  # the interactor's judgemessage.txt
