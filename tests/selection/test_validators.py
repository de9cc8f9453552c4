"""A problem's own input validator (Kattis input_format_validators/) keeps generated inputs
inside the constraints: programs that are right on valid inputs but part on invalid ones stay in
one cluster. Real sandbox; the package is written here."""

from __future__ import annotations

from pathlib import Path

from sandbox.jobs import Program
from solver.problem import load_problem
from solver.sampling.types import Sample
from solver.selection.select import SelectionOptions, select
from tests.conftest import write

# The statement states the range in words, which the constraint reader does not parse: only the
# validator knows it.
STATEMENT = r"""\problemname{Small Sum}
Given two integers, each between one and nine, print their sum.
\section*{Input}
One line with two integers.
\section*{Output}
Their sum.
"""
VALIDATOR = """import sys
parts = sys.stdin.read().split()
ok = len(parts) == 2 and all(p.isdigit() and 1 <= int(p) <= 9 for p in parts)
sys.exit(42 if ok else 43)
"""
PLAIN = "a, b = map(int, input().split())\nprint(a + b)\n"
# Right on every valid input; on a value of 10 or more (invalid) it prints something else.
CAPPED = "a, b = map(int, input().split())\nprint(min(a, 9) + min(b, 9))\n"


def package(root: Path, *, validator: bool) -> Path:
    folder = root / "smallsum"
    write(folder / "problem.yaml", "name: Small Sum\n")
    write(folder / "problem_statement" / "problem.en.tex", STATEMENT)
    write(folder / "data" / "sample" / "1.in", "3 4\n")
    write(folder / "data" / "sample" / "1.ans", "7\n")
    write(folder / "data" / "sample" / "2.in", "9 8\n")
    write(folder / "data" / "sample" / "2.ans", "17\n")
    if validator:
        write(folder / "input_format_validators" / "range" / "validate.py", VALIDATOR)
        # A checktestdata spec beside it cannot run here: skipped, not an error.
        write(folder / "input_format_validators" / "spec" / "format.ctd", "INT(1,9) SPACE\n")
    return folder


def samples() -> list[Sample]:
    return [Sample(i, s, True, Program("python3", s)) for i, s in enumerate([PLAIN, CAPPED])]


def test_the_validator_is_found_and_non_sources_are_skipped(tmp_path: Path) -> None:
    problem = load_problem(package(tmp_path, validator=True))
    [validator] = problem.input_validators
    assert validator.valid_exit == 42 and "sys.exit(42" in validator.program.source
    assert load_problem(package(tmp_path / "none", validator=False)).input_validators == []


def test_inputs_the_validator_rejects_are_never_used(pool, tmp_path: Path) -> None:
    options = SelectionOptions(generated_inputs=30, seed=3)
    without = select(load_problem(package(tmp_path / "a", validator=False)), samples(), pool,
                     options)
    # Mutation pushes values past 9: the two right programs part there.
    assert without.stats.clusters == 2 and without.stats.invalid_inputs == 0
    checked = select(load_problem(package(tmp_path / "b", validator=True)), samples(), pool,
                     options)
    assert checked.stats.invalid_inputs > 0
    assert checked.stats.clusters == 1 and checked.stats.generated_inputs > 0
