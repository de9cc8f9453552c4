"""Problem: everything the solver knows about one task; load_problem picks the format's loader.

The loaders live in solver/formats/, one module per format, each with `load(path) -> Problem`.
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sandbox.checkers import Checker, ValidatorFlags


class ProblemError(Exception):
    """The problem files are missing or malformed; the message is one line naming the file."""


@dataclass(frozen=True)
class TestCase:
    __test__ = False  # not a pytest test class, despite the name

    name: str
    input: bytes
    output: bytes  # the expected answer (for Kattis, the .ans file)


@dataclass
class Problem:
    id: str  # stable short name, e.g. the folder name ("sum-of-two", "bank")
    title: str
    statement: str  # readable text for the prompt: Markdown as written, or LaTeX/HTML made plain
    examples: list[TestCase]  # public tests: the only ones a model or the filter may see
    hidden: list[TestCase] = field(default_factory=list)  # for verdicts and evaluation only
    time_limit_s: float = 2.0
    memory_limit_mb: int = 1024
    checker: ValidatorFlags = field(default_factory=ValidatorFlags)
    url: str | None = None
    source_format: str = "markdown"  # one of FORMATS
    path: Path | None = None
    # The problem's own checker (Kattis output validator, testlib checker) when it ships one;
    # None: the default validator with `checker` flags. See `output_checker`.
    custom_checker: Checker | None = None

    @property
    def output_checker(self) -> Checker:
        """How outputs are judged: the custom checker, else the default validator."""
        return self.custom_checker or Checker("default", self.checker)


# Module names in solver/formats/. "oj" is an online-judge-tools folder, "companion" a
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
    fmt = format.strip().lower() if format is not None else detect_format(p)
    if fmt not in FORMATS:
        raise ProblemError(
            f"{p}: unknown problem format {fmt!r} (expected: {', '.join(FORMATS)})"
        )
    loader = importlib.import_module(f"solver.formats.{fmt}")
    if record is not None:
        if fmt != "codecontests":
            raise ProblemError(f"{p}: only CodeContests record files take a #record selector")
        return loader.load(p, record)
    problem = loader.load(p)
    if fmt in ("markdown", "kattis", "oj"):  # folders that can ship a checker
        from solver.formats.checkers import find_checker

        checker = find_checker(problem.path, problem.checker)
        problem.custom_checker = checker if checker.runs_in_sandbox else None
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
            from solver.formats.common import json_kind

            return json_kind(p)
    elif p.is_dir():
        if (p / "problem.md").is_file():
            return "markdown"  # canonical for our own problems, wins over stray Kattis files
        if (
            (p / "problem.yaml").is_file()
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
