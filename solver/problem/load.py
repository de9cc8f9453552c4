"""Loading a problem from files: which format a path is (detect_format), and its loader.

The loaders live in solver/problem/formats/, one module per format, each with
`load(path) -> Problem`; a problem folder's own checker is found by solver/problem/checkers.py.
"""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path
from typing import Any

from solver.problem.formats.common import check_regular_file, nesting_guard
from solver.problem.types import Problem, ProblemError

# Module names in solver/problem/formats/. "oj" is an online-judge-tools folder, "companion" a
# competitive-companion JSON file, "codecontests" a DeepMind CodeContests record (JSON or JSONL).
FORMATS = ("markdown", "kattis", "codeforces", "companion", "oj", "codecontests")
RECORD_SEPARATOR = "#"  # records.jsonl#3 or records.jsonl#NAME picks one CodeContests record


def load_problem(path: str | Path, format: str | None = None) -> Problem:
    """Load one problem from any of FORMATS; `format` skips detection.

    Every failure is a one-line ProblemError that names the offending file.
    """
    p = Path(path)
    record: str | None = None
    if not p.exists() and RECORD_SEPARATOR in p.name:
        name, _, record = p.name.partition(RECORD_SEPARATOR)
        p = p.with_name(name)
    if not p.exists():
        raise ProblemError(f"{p}: no such file or directory")
    if not p.is_dir():
        check_regular_file(p)  # before any loader opens it: a named pipe would block
    fmt = format.strip().lower() if format is not None else detect_format(p)
    if fmt not in FORMATS:
        raise ProblemError(
            f"{p}: unknown problem format {fmt!r} (expected: {', '.join(FORMATS)})"
        )
    loader = importlib.import_module(f"solver.problem.formats.{fmt}")
    if record is not None and fmt != "codecontests":
        raise ProblemError(f"{p}: only CodeContests record files take a #record selector")
    # Each loader names the file nested too deeply; this catches any parse step they miss.
    with nesting_guard(p):
        problem = loader.load(p) if record is None else loader.load(p, record)
    if fmt in ("markdown", "kattis", "oj"):  # folders that can ship a checker
        from solver.problem.checkers import find_checker, find_input_validators

        if problem.custom_checker is None:  # not named by the problem's own files already
            checker = find_checker(problem.path, problem.checker)
            problem.custom_checker = checker if checker.runs_in_sandbox else None
        problem.input_validators = find_input_validators(problem.path)
    return problem


def detect_format(p: Path) -> str:
    """The format of a path, from its name and, for JSON files, its first record's keys."""
    if p.is_file():
        suffix = p.suffix.lower()
        if suffix == ".md":
            return "markdown"
        if p.name == "problem.yaml":
            return "kattis"
        if suffix in (".html", ".htm"):
            return "codeforces"
        if suffix in (".json", ".jsonl"):
            from solver.problem.formats.common import json_kind

            return json_kind(p)
    elif p.is_dir():
        if (p / "problem.md").exists():  # the loader refuses it if not a regular file
            return "markdown"  # canonical for our own problems, wins over stray Kattis files
        if (
            (p / "problem.yaml").exists()
            or (p / "problem_statement").is_dir()
            or (p / "data" / "sample").is_dir()
        ):
            return "kattis"
        if (p / "test").is_dir():
            return "oj"
    raise ProblemError(
        f"{p}: unknown problem format (expected a .md, .html, .json or .jsonl file, a folder with "
        "problem.md, a Kattis package, or an online-judge-tools folder with test/)"
    )


def problem_as_json(problem: Problem) -> dict[str, Any]:
    """The problem as `cpsolve show --json` prints it (tests as text, hidden tests counted)."""
    return {
        "title": problem.title,
        "time_limit_s": problem.time_limit_s,
        "memory_limit_mb": problem.memory_limit_mb,
        "statement": problem.statement,
        "examples": [
            {"input": _as_text(t.input), "output": _as_text(t.output)} for t in problem.examples
        ],
        "hidden_tests": len(problem.hidden),
        "checker": dataclasses.asdict(problem.checker),
        "url": problem.url,
    }


def _as_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")
