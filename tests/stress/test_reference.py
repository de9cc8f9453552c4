"""Which reference a stress run compares with: --brute, else hidden tests, else solve's rank01."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from solver.problem import Problem, TestCase
from solver.run.program import ProgramFileError
from solver.stress.reference import (
    BRUTE,
    CANDIDATE,
    HIDDEN,
    StressInputError,
    choose_reference,
)
from tests.conftest import write

EXAMPLE = TestCase("1", b"1\n5\n", b"5\n")
HIDDEN_TEST = TestCase("secret/1", b"1\n-3\n", b"-3\n")


def problem(*, hidden: bool) -> Problem:
    return Problem(id="mol", title="Max", statement="", examples=[EXAMPLE],
                   hidden=[HIDDEN_TEST] if hidden else [])


def test_a_brute_force_comes_first(tmp_path: Path):
    brute = write(tmp_path / "brute.py", "print(1)\n")
    reference = choose_reference(problem(hidden=True), brute=brute, output_dir=tmp_path)
    assert reference.kind == BRUTE and reference.program is not None
    assert reference.program.source == "print(1)\n" and reference.answers_any_input


def test_hidden_tests_next_and_they_answer_only_themselves(tmp_path: Path):
    reference = choose_reference(problem(hidden=True), brute=None, output_dir=tmp_path)
    assert reference.kind == HIDDEN and reference.tests == [HIDDEN_TEST]
    assert not reference.answers_any_input


def test_the_top_candidate_last_and_for_a_generators_inputs(tmp_path: Path):
    write(tmp_path / "out" / "mol" / "rank01.cpp", "int main() {}\n")
    write(tmp_path / "out" / "mol" / "rank02.py", "print(2)\n")  # not the top one
    for hidden, generated in ((False, False), (True, True)):
        reference = choose_reference(problem(hidden=hidden), brute=None,
                                     output_dir=tmp_path / "out", generated_inputs=generated)
        assert reference.kind == CANDIDATE and reference.where.endswith("rank01.cpp")
        assert reference.program is not None and reference.program.language == "cpp17"


def test_no_reference_is_one_line_naming_the_way_out(tmp_path: Path):
    with pytest.raises(StressInputError) as info:
        choose_reference(problem(hidden=False), brute=None, output_dir=tmp_path / "out")
    message = str(info.value)
    assert "\n" not in message and "--brute" in message and "rank01.py" in message
    with pytest.raises(StressInputError, match="generator"):
        choose_reference(problem(hidden=True), brute=None, output_dir=tmp_path,
                         generated_inputs=True)


def test_a_missing_brute_is_a_program_file_error(tmp_path: Path):
    with pytest.raises(ProgramFileError, match=r"nope\.py"):
        choose_reference(problem(hidden=True), brute=tmp_path / "nope.py", output_dir=tmp_path)


def test_an_interactive_problem_has_only_its_hidden_tests(tmp_path: Path):
    interactive = SimpleNamespace(id="guess", hidden=[HIDDEN_TEST], path=None,
                                  output_checker=SimpleNamespace(interactive=True))
    brute = write(tmp_path / "brute.py", "print(1)\n")
    with pytest.raises(StressInputError, match="interactive"):
        choose_reference(interactive, brute=brute, output_dir=tmp_path)  # type: ignore[arg-type]
    assert choose_reference(interactive, brute=None,  # type: ignore[arg-type]
                            output_dir=tmp_path).kind == HIDDEN
