"""A problem's own output checker, interactor and input validators, found beside its files.

Kattis packages: `output_validators/<name>/` (or `output_validator/`), run Kattis-style (an
interactor when problem.yaml says `validation: custom interactive`), and
`input_format_validators/<name>/` (or one source directly inside), exit 42 for a valid input.
Other problem folders: `interactor.cpp` / `interactor.cc` / `interactor.py` beside the problem,
a testlib-style interactor (Codeforces: `interactor input output answer`), else `checker.cpp` /
`checker.cc` / `checker.py`, run testlib-style; and `validator.cpp` / `validator.py`, exit 0 for
a valid input. Without either, the Kattis default validator with the problem's flags.
A scored problem's scorer (a Markdown `scorer:` file, a scoring package's output validator):
`scoring`.
"""

from __future__ import annotations

from pathlib import Path

from sandbox.checkers import Checker, ValidatorFlags
from sandbox.jobs import Program, language_of
from solver.problem.formats.common import read_text
from solver.problem.types import (
    AGGREGATES,
    OBJECTIVES,
    InputValidator,
    ProblemError,
    Scoring,
)

# Files of a custom checker; the one source among them is the checker, the rest are headers.
CHECKER_SOURCES = (".cpp", ".cc", ".cxx", ".py")
CHECKER_HEADERS = (".h", ".hpp")
TESTLIB_NAMES = ("checker.cpp", "checker.cc", "checker.py")
INTERACTOR_NAMES = ("interactor.cpp", "interactor.cc", "interactor.py")
# An interactor's exit-code and argument convention: a Checker kind (sandbox.checkers).
INTERACTOR_KINDS = ("testlib", "kattis")
VALIDATOR_NAMES = ("validator.cpp", "validator.cc", "validator.py")
KATTIS_VALID_EXIT = 42
TESTLIB_VALID_EXIT = 0


def find_checker(problem_path: Path | None, flags: ValidatorFlags,
                 interactive: bool = False) -> Checker:
    """The problem's custom checker or interactor, if it has one, else the default validator
    with `flags`. interactive: the Kattis package says its output validator is an interactor
    (and it must have one). An interactor beside a checker wins: without it nothing runs (the
    checker is then not used)."""
    if problem_path is None:
        return Checker("default", flags)
    folder = problem_path if problem_path.is_dir() else problem_path.parent
    for validators in (folder / "output_validators", folder / "output_validator"):
        if validators.is_dir():
            inner = sorted(path for path in validators.iterdir() if path.is_dir())
            return Checker("kattis", flags, checker_program(inner[0] if inner else validators),
                           interactive=interactive)
    if interactive:
        raise ProblemError(f"{folder}: the problem is interactive, but has no interactor "
                           "(output_validators/<name>/ with its source)")
    interactor = find_interactor(folder, flags)
    if interactor is not None:
        return interactor
    for name in TESTLIB_NAMES:
        if (folder / name).exists() and not (folder / name).is_dir():  # a pipe is refused
            return Checker("testlib", flags, checker_program(folder, folder / name))
    return Checker("default", flags)


def find_interactor(folder: Path, flags: ValidatorFlags) -> Checker | None:
    """A testlib-style interactor beside a problem's files (INTERACTOR_NAMES), else None."""
    for name in INTERACTOR_NAMES:
        if (folder / name).exists() and not (folder / name).is_dir():  # a pipe is refused
            return interactor_from_file(folder / name, "testlib", flags)
    return None


def interactor_from_file(path: Path, kind: str, flags: ValidatorFlags) -> Checker:
    """The interactor in one source file (headers beside it compiled along, e.g. testlib.h),
    following `kind`'s convention (INTERACTOR_KINDS)."""
    if kind not in INTERACTOR_KINDS:
        raise ProblemError(f"{path}: unknown interactor kind {kind!r} "
                           f"(expected {' or '.join(INTERACTOR_KINDS)})")
    if not path.exists():
        raise ProblemError(f"{path}: no such interactor file")
    if path.is_dir() or path.suffix.lower() not in CHECKER_SOURCES:
        raise ProblemError(f"{path}: an interactor must be one source file "
                           f"({', '.join(CHECKER_SOURCES)})")
    return Checker(kind, flags, checker_program(path.parent, path), interactive=True)


def find_input_validators(problem_path: Path | None) -> list[InputValidator]:
    """The problem's input validators: every one of a Kattis package, or a testlib one."""
    if problem_path is None:
        return []
    folder = problem_path if problem_path.is_dir() else problem_path.parent
    validators = folder / "input_format_validators"
    if validators.is_dir():
        inner = sorted(path for path in validators.iterdir() if path.is_dir())
        has_source = any(path.suffix.lower() in CHECKER_SOURCES for path in validators.iterdir()
                         if not path.is_dir())
        found = []
        for path in [*inner, validators] if has_source else inner:
            try:
                found.append(InputValidator(checker_program(path), KATTIS_VALID_EXIT))
            except ProblemError:
                continue  # not one runnable source (a checktestdata or viva spec): not used
        return found
    for name in VALIDATOR_NAMES:
        if (folder / name).exists() and not (folder / name).is_dir():
            return [InputValidator(checker_program(folder, folder / name), TESTLIB_VALID_EXIT)]
    return []


def checker_program(folder: Path, main: Path | None = None) -> Program:
    """A checker as a Program: its one source file, with the headers beside it."""
    # read_text refuses what is not a regular file (a named pipe would block), too large a
    # file, and text that is not UTF-8, naming the file.
    files = sorted(path for path in folder.iterdir() if not path.is_dir())
    sources = [main] if main else [
        path for path in files if path.suffix.lower() in CHECKER_SOURCES
    ]
    if len(sources) != 1:
        raise ProblemError(f"{folder}: expected one checker source file, found {len(sources)}")
    headers = tuple(
        (path.name, read_text(path)) for path in files if path.suffix.lower() in CHECKER_HEADERS
    )
    source = read_text(sources[0])
    return Program(language_of(sources[0].name) or "cpp17", source, headers)


def scoring(where: Path, program: Program, kind: str, objective: object = None,
            aggregate: object = None) -> Scoring:
    """A scored problem's Scoring, its objective and aggregate checked (None: max, mean);
    `where` names the file they were read from in an error."""
    objective = "max" if objective is None else objective
    aggregate = "mean" if aggregate is None else aggregate
    if objective not in OBJECTIVES:
        raise ProblemError(f"{where}: objective must be max or min, got {objective!r}")
    if aggregate not in AGGREGATES:
        raise ProblemError(f"{where}: aggregate must be one of {', '.join(AGGREGATES)}, "
                           f"got {aggregate!r}")
    return Scoring(program=program, kind=kind, objective=str(objective),
                   aggregate=str(aggregate))


def scorer_from_file(path: Path) -> Program:
    """A Markdown problem's scorer: one source file (headers beside it compiled along)."""
    if not path.exists():
        raise ProblemError(f"{path}: no such scorer file")
    if path.is_dir() or path.suffix.lower() not in CHECKER_SOURCES:
        raise ProblemError(f"{path}: a scorer must be one source file "
                           f"({', '.join(CHECKER_SOURCES)})")
    return checker_program(path.parent, path)
