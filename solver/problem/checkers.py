"""A problem's own output checker and input validators, found beside its files.

Kattis packages: `output_validators/<name>/` (or `output_validator/`), run Kattis-style, and
`input_format_validators/<name>/` (or one source directly inside), exit 42 for a valid input.
Other problem folders: `checker.cpp` / `checker.cc` / `checker.py` beside the problem, run
testlib-style, and `validator.cpp` / `validator.py`, exit 0 for a valid input. Without a
checker, the Kattis default validator with the problem's flags.
"""

from __future__ import annotations

from pathlib import Path

from sandbox.checkers import Checker, ValidatorFlags
from sandbox.jobs import Program, language_of
from solver.problem.formats.common import read_text
from solver.problem.types import InputValidator, ProblemError

# Files of a custom checker; the one source among them is the checker, the rest are headers.
CHECKER_SOURCES = (".cpp", ".cc", ".cxx", ".py")
CHECKER_HEADERS = (".h", ".hpp")
TESTLIB_NAMES = ("checker.cpp", "checker.cc", "checker.py")
VALIDATOR_NAMES = ("validator.cpp", "validator.cc", "validator.py")
KATTIS_VALID_EXIT = 42
TESTLIB_VALID_EXIT = 0


def find_checker(problem_path: Path | None, flags: ValidatorFlags) -> Checker:
    """The problem's custom checker, if it has one, else the default validator with `flags`."""
    if problem_path is None:
        return Checker("default", flags)
    folder = problem_path if problem_path.is_dir() else problem_path.parent
    for validators in (folder / "output_validators", folder / "output_validator"):
        if validators.is_dir():
            inner = sorted(path for path in validators.iterdir() if path.is_dir())
            return Checker("kattis", flags, checker_program(inner[0] if inner else validators))
    for name in TESTLIB_NAMES:
        if (folder / name).exists() and not (folder / name).is_dir():  # a pipe is refused
            return Checker("testlib", flags, checker_program(folder, folder / name))
    return Checker("default", flags)


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
