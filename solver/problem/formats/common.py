"""What every format's loader shares: bounded, UTF-8-checked reads of regular files only;
parsers that fail in one line on hostile nesting; limit and flag checks."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import yaml

from sandbox.checkers import ValidatorFlags
from solver.problem.types import ProblemError, TestCase

MAX_FILE_BYTES = 64 * 1024 * 1024  # larger files are a packaging mistake, not a test
# Limits no judge uses are a typo or an attack, refused in every format (bounds inclusive):
# under 0.1 s even starting a program times out, and no judge gives a test over a minute;
# under 16 MB not even an interpreter starts, and no judge machine has over 64 GB.
MIN_TIME_S, MAX_TIME_S = 0.1, 60.0
MIN_MEMORY_MB, MAX_MEMORY_MB = 16, 65536
MAX_ID_CHARS = 64  # a folder name; long titles would exceed the file system's name limit

_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, for error messages ("a named pipe")."""
    return next((kind for is_kind, kind in _FILE_KINDS if is_kind(mode)), "not a regular file")


def check_regular_file(path: Path) -> None:
    """Refuse anything but a regular file before it is opened: opening a named pipe blocks
    until someone writes to it, and a device can be read forever."""
    try:
        info = path.stat()
    except OSError as e:
        raise ProblemError(f"{path}: cannot read: {e.strerror or e}") from e
    if not stat.S_ISREG(info.st_mode):
        raise ProblemError(f"{path}: not a regular file ({file_kind(info.st_mode)})")


def open_regular_file(path: Path) -> BinaryIO:
    """A regular file opened for reading; anything else is a ProblemError, never a hang."""
    check_regular_file(path)
    try:
        # Non-blocking, and checked again once open: the file may be swapped for a pipe
        # between the check and the open. Reads of a regular file never block anyway.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise ProblemError(f"{path}: cannot read: {e.strerror or e}") from e
    handle = os.fdopen(descriptor, "rb")
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        handle.close()
        raise ProblemError(f"{path}: not a regular file ({file_kind(mode)})")
    return handle


def read_bytes(path: Path) -> bytes:
    with open_regular_file(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise _too_large(path, size)
        try:
            data = handle.read(MAX_FILE_BYTES + 1)  # one byte more: the file may be growing
        except OSError as e:
            raise ProblemError(f"{path}: cannot read: {e.strerror or e}") from e
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(path, len(data))
    return data


def _too_large(path: Path, size: int) -> ProblemError:
    return ProblemError(
        f"{path}: file is {size:,} bytes, over the {MAX_FILE_BYTES // 2**20} MiB limit"
    )


@contextlib.contextmanager
def nesting_guard(where: object) -> Iterator[None]:
    """Turn a RecursionError (a parser or converter meeting thousands of nested brackets, YAML
    levels or tags) into one line naming the file."""
    try:
        yield
    except RecursionError as e:
        raise ProblemError(f"{where}: nested too deeply to read") from e


def read_text(path: Path) -> str:
    data = read_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise ProblemError(
            f"{path}: not valid UTF-8 (byte 0x{data[e.start]:02x} on line {line})"
        ) from e
    # Normalise line endings and drop a BOM so parsing never sees them.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a key given twice: `time_limit: 1` then `time_limit: 3`
    contradict each other, and PyYAML would silently keep the last."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:  # a list or mapping as a key ("? [a, b]")
                raise yaml.constructor.ConstructorError(
                    None, None, "found an unhashable key", key_node.start_mark
                ) from None
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"contradictory: {key!r} is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def safe_yaml(path: Path, text: str, line_offset: int = 0) -> object:
    """Parse YAML (`text` read from `path`, starting `line_offset` lines into it); every failure
    is a ProblemError naming the file."""
    try:
        with nesting_guard(path):
            return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as e:
        raise yaml_error(path, e, line_offset) from e


def yaml_error(path: Path, e: yaml.YAMLError, line_offset: int = 0) -> ProblemError:
    mark = getattr(e, "problem_mark", None)
    what = getattr(e, "problem", None) or str(e).split("\n")[0]
    where = f" line {mark.line + 1 + line_offset}" if mark is not None else ""
    return ProblemError(f"{path}{where}: malformed YAML: {what}")


def title_text(path: Path, title: object) -> str:
    """A title from YAML: text (or a number), stripped; "" when absent. A list or mapping is
    refused: printing one built from YAML aliases can take forever."""
    if title is None:
        return ""
    if isinstance(title, bool) or not isinstance(title, (str, int, float)):
        raise ProblemError(f"{path}: the title must be text, got a {type(title).__name__}")
    return str(title).strip()


def as_float(number: float) -> float:
    """float(number), with an integer too large for a float as +-infinity (out of any range)
    instead of an OverflowError."""
    try:
        return float(number)
    except OverflowError:
        return math.inf if number > 0 else -math.inf


def check_time(path: Path, time_s: object) -> float:
    # bool is an int subclass; "time_limit: yes" is a typo, not one second.
    if isinstance(time_s, bool) or not isinstance(time_s, (int, float)):
        raise ProblemError(f"{path}: time limit must be a number of seconds, got {time_s!r}")
    seconds = as_float(time_s)
    if not (MIN_TIME_S <= seconds <= MAX_TIME_S):  # also rejects NaN
        raise ProblemError(
            f"{path}: time limit {seconds:g} s is out of range "
            f"({MIN_TIME_S:g}..{MAX_TIME_S:g} s)"
        )
    return seconds


def check_memory(path: Path, memory_mb: object) -> int:
    if isinstance(memory_mb, float) and memory_mb.is_integer():
        memory_mb = int(memory_mb)
    if isinstance(memory_mb, bool) or not isinstance(memory_mb, int):
        raise ProblemError(f"{path}: memory limit must be a whole number of MB, got {memory_mb!r}")
    if not (MIN_MEMORY_MB <= memory_mb <= MAX_MEMORY_MB):
        raise ProblemError(
            f"{path}: memory limit {memory_mb} MB is out of range "
            f"({MIN_MEMORY_MB}..{MAX_MEMORY_MB} MB)"
        )
    return memory_mb


def parse_flags(path: Path, flags: object) -> ValidatorFlags:
    if flags is None or flags == "":
        return ValidatorFlags()
    if isinstance(flags, list) and all(isinstance(f, (str, int, float)) for f in flags):
        flags = " ".join(str(f) for f in flags)
    if not isinstance(flags, str):
        raise ProblemError(f"{path}: validator_flags must be a string, got {flags!r}")
    try:
        return ValidatorFlags.parse(flags)
    except ValueError as e:
        raise ProblemError(f"{path}: bad validator_flags {flags!r}: {e}") from e


def load_tests(folder: Path, prefix: str, recursive: bool) -> list[TestCase]:
    """`*.in` files with their `.ans` twins, sorted by relative path (Kattis order)."""
    if not folder.is_dir():
        return []
    found = folder.rglob("*.in") if recursive else folder.glob("*.in")
    # Not only regular files: a named pipe called 1.in is refused by read_bytes, not skipped.
    ins = sorted((f for f in found if not f.is_dir()),
                 key=lambda f: f.relative_to(folder).as_posix())
    tests = []
    for inp in ins:
        ans = inp.with_suffix(".ans")
        if not ans.exists():
            raise ProblemError(f"{inp}: test input has no matching answer file {ans.name}")
        name = f"{prefix}/{inp.relative_to(folder).with_suffix('').as_posix()}"
        tests.append(TestCase(name=name, input=read_bytes(inp), output=read_bytes(ans)))
    return tests



def read_json(path: Path) -> object:
    """A JSON file, or a JSON Lines file (up to MAX_FILE_BYTES) as a list of its records."""
    if path.suffix.lower() == ".jsonl":
        read_bytes(path)  # the size check; records are then read one line at a time
        return list(jsonl_records(path))
    return parse_json(path, read_text(path))


# A \u escape of a surrogate: JSON can spell a lone one, which no UTF-8 text can hold.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def parse_json(where: object, text: str, line: int | None = None) -> object:
    """JSON text read from `where` (line `line` of a JSON Lines file); every failure is one
    line naming it: malformed, nested too deeply, or holding a lone surrogate."""
    where_line = f"{where} line {line}" if line is not None else where
    try:
        with nesting_guard(where_line):
            data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ProblemError(f"{where} line {line or e.lineno}: malformed JSON: {e.msg}") from e
    if _SURROGATE_ESCAPE.search(text):  # rare: only then look at the decoded text
        try:
            with nesting_guard(where_line):
                json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as e:
            raise ProblemError(
                f"{where_line}: text holds a lone surrogate {e.object[e.start]!r}, "
                "not valid Unicode"
            ) from e
    return data


def jsonl_records(path: Path) -> Iterator[object]:
    """The records of a JSON Lines file, read lazily: dataset files can be gigabytes, so only
    each record (line) is held to MAX_FILE_BYTES."""
    handle = open_regular_file(path)
    with handle:
        number = 0
        while raw := handle.readline(MAX_FILE_BYTES + 1):
            number += 1
            if len(raw) > MAX_FILE_BYTES:
                raise ProblemError(
                    f"{path} line {number}: record is over the {MAX_FILE_BYTES // 2**20} MiB limit"
                )
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise ProblemError(f"{path} line {number}: not valid UTF-8 "
                                   f"(byte 0x{raw[e.start]:02x})") from e
            if not line.strip():
                continue
            yield parse_json(path, line, line=number)


def json_kind(path: Path) -> str:
    """"companion" or "codecontests", from the keys of the (first) record."""
    if path.suffix.lower() == ".jsonl":
        first = next(iter(jsonl_records(path)), None)
    else:
        data = read_json(path)
        first = data[0] if isinstance(data, list) and data else data
    if isinstance(first, dict):
        if "tests" in first and ("timeLimit" in first or "url" in first):
            return "companion"
        if "description" in first or "public_tests" in first:
            return "codecontests"
    raise ProblemError(
        f"{path}: unknown problem format (JSON that is neither competitive-companion's "
        "{name, url, tests, ...} nor a CodeContests record {name, description, public_tests, ...})"
    )


def slug(text: str) -> str:
    """A folder-safe id from a title: "A. Sum of Two!" -> "a-sum-of-two"."""
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return words[:MAX_ID_CHARS].rstrip("-") or "problem"


def text_test(name: str, input_text: str, output_text: str) -> TestCase:
    """A test from text fields (JSON, HTML), with the final newline a file would have."""
    return TestCase(name=name, input=_ends_line(input_text), output=_ends_line(output_text))


def _ends_line(text: str) -> bytes:
    text = text.replace("\r\n", "\n")
    return (text if text == "" or text.endswith("\n") else text + "\n").encode("utf-8")


_PROBLEM_LETTER = re.compile(r"^[A-Z][0-9]?\.\s+")


def strip_problem_letter(title: str) -> str:
    """Codeforces titles carry the letter ("A. Sum of Two"); the problem's name does not."""
    return _PROBLEM_LETTER.sub("", title.strip(), count=1)
