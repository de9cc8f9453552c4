"""An online-judge-tools folder: test/sample-N.in + .out (what `oj download` writes) beside a
statement file (statement.md or any .md, problem.html or any .html page, or a .txt file).
Other test/*.in + .out pairs (`oj download --system`) are hidden tests."""

from __future__ import annotations

import re
from pathlib import Path

from solver.problem.formats import codeforces, markdown
from solver.problem.formats.common import (
    check_memory,
    check_time,
    parse_flags,
    read_bytes,
    read_text,
    title_text,
)
from solver.problem.types import Problem, ProblemError, TestCase

DEFAULT_TIME_S = 2.0
DEFAULT_MEMORY_MB = 256
_HEADING_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def load(path: Path) -> Problem:
    folder = path if path.is_dir() else path.parent
    test_dir = folder / "test"
    if not test_dir.is_dir():
        raise ProblemError(f"{test_dir}: no such folder (online-judge-tools keeps tests there)")
    examples, hidden = _tests(test_dir)
    statement_file = _statement_file(folder, path)
    base = Problem(id=folder.name, title=folder.name, statement="", examples=examples,
                   time_limit_s=DEFAULT_TIME_S, memory_limit_mb=DEFAULT_MEMORY_MB)
    if statement_file is not None:
        base = _with_statement(base, statement_file)
    if not base.examples:
        raise ProblemError(f"{test_dir}: no examples (no sample-N.in + sample-N.out pairs)")
    base.hidden = hidden
    base.source_format = "oj"
    base.path = folder
    return base


def _tests(test_dir: Path) -> tuple[list[TestCase], list[TestCase]]:
    examples: list[TestCase] = []
    hidden: list[TestCase] = []
    # Not only regular files: a named pipe called sample-1.in is refused by read_bytes.
    found = (inp for inp in test_dir.glob("*.in") if not inp.is_dir())
    for inp in sorted(found, key=lambda f: _natural(f.stem)):
        out = inp.with_suffix(".out")
        if not out.exists():
            raise ProblemError(f"{inp}: test input has no matching answer file {out.name}")
        is_sample = inp.stem.startswith("sample")
        name = f"{'sample' if is_sample else 'secret'}/{inp.stem}"
        (examples if is_sample else hidden).append(
            TestCase(name=name, input=read_bytes(inp), output=read_bytes(out))
        )
    return examples, hidden


def _natural(stem: str) -> list[object]:
    # sample-2 before sample-10, as oj numbers them.
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", stem)]


def _statement_file(folder: Path, given: Path) -> Path | None:
    if not given.is_dir():
        return given  # load_problem refused it if it is not a regular file
    # Anything found that is not a regular file (a named pipe) is refused when read.
    for name in ("statement.md", "problem.md", "README.md", "problem.html", "statement.txt"):
        if (folder / name).exists() and not (folder / name).is_dir():
            return folder / name
    for pattern in ("*.md", "*.html", "*.htm", "*.txt"):
        found = sorted(path for path in folder.glob(pattern) if not path.is_dir())
        if found:
            return found[0]
    return None


def _with_statement(base: Problem, statement_file: Path) -> Problem:
    """Title, statement, limits (and examples when test/ has none) from the statement file."""
    suffix = statement_file.suffix.lower()
    if suffix in (".html", ".htm"):
        page = codeforces.load(statement_file)
        base.title, base.statement, base.url = page.title, page.statement, page.url
        base.time_limit_s, base.memory_limit_mb = page.time_limit_s, page.memory_limit_mb
        base.examples = base.examples or page.examples
        return base
    text = read_text(statement_file)
    if suffix != ".md":
        base.statement = text.strip("\n") + "\n" if text.strip() else ""
        return base
    meta: dict = {}
    body, body_line = text, 1
    if text.startswith("---\n"):
        meta, body, body_line = markdown.split_front_matter(statement_file, text)
    statement, md_examples = markdown.split_examples(statement_file, body, body_line)
    title = title_text(statement_file, meta.get("title"))
    if not title:
        heading = _HEADING_TITLE.search(statement)
        if heading:  # a leading "# Title" names the problem and leaves the statement
            title = heading.group(1)
            statement = (statement[: heading.start()] + statement[heading.end() :]).strip("\n")
            statement = statement + "\n" if statement else ""
    base.title = title.strip() or base.title
    base.statement = statement
    base.time_limit_s = check_time(statement_file, meta.get("time_limit", DEFAULT_TIME_S))
    base.memory_limit_mb = check_memory(
        statement_file, meta.get("memory_limit", DEFAULT_MEMORY_MB)
    )
    url = meta.get("url")
    base.url = url if isinstance(url, str) and url else None
    base.checker = parse_flags(statement_file, meta.get("validator_flags"))
    base.examples = base.examples or md_examples
    return base
