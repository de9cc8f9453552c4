"""Markdown, the canonical format of problems/: YAML front matter, statement, ```input/```output.

An interactive problem names its interactor in the front matter: `interactor: interactor.py`
(relative to the problem's folder), testlib-style unless `interactor_kind: kattis`. Its
examples' input blocks are then the interactor's input files; the output blocks go to it as
answer files (our problems put there what an accepted program prints, for the reader).

A scored problem names its scorer: `scorer: scorer.py` (run as `scorer input output`, printing
one number), with `objective: max|min` and `aggregate: mean|sum|min|median` (defaults: max,
mean); its output blocks show one valid output, not the only one.
"""

from __future__ import annotations

import re
from pathlib import Path

from sandbox.checkers import Checker, ValidatorFlags, validator_flags_words
from solver.problem.checkers import interactor_from_file, scorer_from_file, scoring
from solver.problem.formats.common import (
    check_memory,
    check_time,
    load_tests,
    parse_flags,
    read_text,
    safe_yaml,
    title_text,
)
from solver.problem.types import Problem, ProblemError, Scoring, TestCase

DEFAULT_TIME_S = 2.0
DEFAULT_MEMORY_MB = 256  # Codeforces-style default for our own problems


# An opening code fence (CommonMark): up to 3 spaces, 3+ backticks or tildes, then an info string.
_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)[^`\n]*$")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")


def load(path: Path) -> Problem:
    """A Markdown file, or a folder holding problem.md (and data/secret/ hidden tests)."""
    if path.is_dir():
        md = path / "problem.md"
        if not md.exists():  # anything else there is refused when read
            raise ProblemError(f"{md}: no such file (a Markdown problem folder needs one)")
        path = md
    return load_markdown(path)


def load_markdown(md: Path) -> Problem:
    text = read_text(md)
    meta, body, body_line = split_front_matter(md, text)
    problem_id = md.parent.name if md.name == "problem.md" else md.stem
    base = md.parent

    title = title_text(md, meta.get("title"))
    if not title:
        raise ProblemError(f"{md}: front matter has no 'title'")
    time_s = check_time(md, meta.get("time_limit", DEFAULT_TIME_S))
    memory_mb = check_memory(md, meta.get("memory_limit", DEFAULT_MEMORY_MB))
    url = meta.get("url")
    if url is not None and not isinstance(url, str):
        raise ProblemError(f"{md}: url must be a string, got {url!r}")

    checker = parse_flags(md, meta.get("validator_flags"))
    interactor = _interactor(md, meta, checker)
    scored = _scoring(md, meta)

    statement, examples = split_examples(md, body, body_line)
    if not examples:
        raise ProblemError(
            f"{md}: no examples (add a ```input block followed by an ```output block)"
        )
    return Problem(
        id=problem_id,
        title=title,
        statement=statement,
        examples=examples,
        hidden=load_tests(base / "data" / "secret", "secret", recursive=True),
        time_limit_s=time_s,
        memory_limit_mb=memory_mb,
        checker=checker,
        url=url or None,
        source_format="markdown",
        path=base if md.name == "problem.md" else md,
        custom_checker=interactor,
        scoring=scored,
    )


def _scoring(md: Path, meta: dict) -> Scoring | None:
    """The scorer the front matter names (`scorer`, with `objective` and `aggregate`), else
    None (and then neither of those may be given)."""
    name = meta.get("scorer")
    if name is None:
        for key in ("objective", "aggregate"):
            if key in meta:
                raise ProblemError(f"{md}: {key} is given but no scorer")
        return None
    if not isinstance(name, str) or not name.strip():
        raise ProblemError(f"{md}: scorer must be a file name, got {name!r}")
    program = scorer_from_file(md.parent / name.strip())
    return scoring(md, program, "scorer", meta.get("objective"), meta.get("aggregate"))


def _interactor(md: Path, meta: dict, flags: ValidatorFlags) -> Checker | None:
    """The interactor the front matter names (`interactor`, `interactor_kind`), else None."""
    name, kind = meta.get("interactor"), meta.get("interactor_kind", "testlib")
    if name is None:
        if "interactor_kind" in meta:
            raise ProblemError(f"{md}: interactor_kind is given but no interactor")
        return None
    if not isinstance(name, str) or not name.strip():
        raise ProblemError(f"{md}: interactor must be a file name, got {name!r}")
    if not isinstance(kind, str):
        raise ProblemError(f"{md}: interactor_kind must be testlib or kattis, got {kind!r}")
    return interactor_from_file(md.parent / name.strip(), kind.strip().lower(), flags)


def split_front_matter(md: Path, text: str) -> tuple[dict, str, int]:
    """Return (front matter mapping, body text, 1-based file line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ProblemError(f"{md}: no YAML front matter (the file must start with a '---' line)")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise ProblemError(f"{md}: front matter is not closed (no second '---' line)")
    meta = safe_yaml(md, "\n".join(lines[1:end]), line_offset=1)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ProblemError(f"{md}: front matter must be a YAML mapping (key: value lines)")
    return meta, "\n".join(lines[end + 1 :]), end + 2


def split_examples(md: Path, body: str, first_line: int) -> tuple[str, list[TestCase]]:
    """Pull ```input / ```output blocks out of the body; other code blocks stay in the text."""
    lines = body.split("\n")
    kept: list[tuple[str, bool]] = []  # (line, inside a code block)
    blocks: list[tuple[str, int, str]] = []  # (kind, file line, content)
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if not m:
            kept.append((lines[i], False))
            i += 1
            continue
        indent, fence, info = len(m.group(1)), m.group(2), m.group(3).lower()
        close = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        if j == len(lines):
            raise ProblemError(f"{md} line {first_line + i}: code block is never closed")
        if info in ("input", "output"):
            # CommonMark strips the fence's own indentation from each content line.
            content = [re.sub(rf"^ {{0,{indent}}}", "", ln) for ln in lines[i + 1 : j]]
            blocks.append((info, first_line + i, "".join(ln + "\n" for ln in content)))
        else:
            kept.extend((ln, True) for ln in lines[i : j + 1])
        i = j + 1

    examples: list[TestCase] = []
    pending: tuple[int, str] | None = None  # an input block waiting for its output
    for kind, line, content in blocks:
        if kind == "input":
            if pending is not None:
                raise ProblemError(
                    f"{md} line {pending[0]}: input block has no output block after it"
                )
            pending = (line, content)
        else:
            if pending is None:
                raise ProblemError(f"{md} line {line}: output block has no input block before it")
            examples.append(
                TestCase(
                    name=f"sample/{len(examples) + 1}",
                    input=pending[1].encode("utf-8"),
                    output=content.encode("utf-8"),
                )
            )
            pending = None
    if pending is not None:
        raise ProblemError(f"{md} line {pending[0]}: input block has no output block after it")
    return _tidy_markdown(kept), examples


def _tidy_markdown(lines: list[tuple[str, bool]]) -> str:
    """Drop headings left empty once the examples are gone (e.g. "## Examples"), squeeze blanks.

    Lines inside code blocks are kept exactly: a "# comment" there is not a heading.
    """
    out: list[str] = []
    for i, (line, code) in enumerate(lines):
        if code:
            out.append(line)
            continue
        h = _HEADING.match(line)
        if h:
            nxt = next(((ln, c) for ln, c in lines[i + 1 :] if ln.strip()), None)
            nh = _HEADING.match(nxt[0]) if nxt is not None and not nxt[1] else None
            if nxt is None or (nh and len(nh.group(1)) <= len(h.group(1))):
                continue
        if line.strip() or not out or out[-1].strip():  # at most one blank line in a row
            out.append(line.rstrip())
    return "\n".join(out).strip("\n") + "\n" if any(ln.strip() for ln in out) else ""



# --- writing --------------------------------------------------------------------------------


def to_markdown(problem: Problem) -> str:
    """problem.md text that load_markdown reads back as the same problem (hidden tests aside)."""
    # One line per key, text double-quoted with escapes: a title holding line breaks, "---",
    # quotes or "#" can then neither end the front matter nor be misread as YAML.
    front = [
        f"title: {_yaml_quoted(problem.title)}",
        f"time_limit: {problem.time_limit_s!r}",  # repr: a plain float YAML reads back
        f"memory_limit: {problem.memory_limit_mb}",
    ]
    if problem.url:
        front.append(f"url: {_yaml_quoted(problem.url)}")
    flags = " ".join(validator_flags_words(problem.checker))
    if flags:
        front.append(f"validator_flags: {_yaml_quoted(flags)}")
    statement = problem.statement.strip("\n")
    parts = ["---\n" + "".join(line + "\n" for line in front) + "---\n",
             statement + "\n" if statement else "", "## Examples\n"]
    for test in problem.examples:
        parts.append(_fenced("input", test.input.decode("utf-8")))
        parts.append(_fenced("output", test.output.decode("utf-8")))
    return "\n".join(part for part in parts if part)


# What YAML lets stand as itself in a double-quoted scalar on one line; everything else (line
# breaks of any kind, controls, BOM, the quote and backslash) is written as an escape.
_YAML_PLAIN_CHAR = re.compile(
    "[\x20-\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
    "\U00010000-\U0010ffff]"
)


def _yaml_quoted(text: str) -> str:
    """`text` as a one-line YAML double-quoted scalar that reads back exactly."""
    out = []
    for char in text:
        if _YAML_PLAIN_CHAR.match(char):
            out.append(char)
        elif char in '"\\':
            out.append("\\" + char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def save_markdown(problem: Problem, folder: Path) -> Path:
    """Write folder/problem.md and the hidden tests as data/secret/NN.in + .ans; return folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "problem.md").write_text(to_markdown(problem), encoding="utf-8")
    if problem.hidden:
        secret = folder / "data" / "secret"
        secret.mkdir(parents=True, exist_ok=True)
        width = max(2, len(str(len(problem.hidden))))
        for number, test in enumerate(problem.hidden, start=1):
            (secret / f"{number:0{width}d}.in").write_bytes(test.input)
            (secret / f"{number:0{width}d}.ans").write_bytes(test.output)
    return folder


def _fenced(kind: str, content: str) -> str:
    # A fence longer than any backtick run inside, so example text can never close it early.
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * max(3, longest + 1)
    body = content if content == "" or content.endswith("\n") else content + "\n"
    return f"{fence}{kind}\n{body}{fence}\n"
