"""What every format's loader shares: bounded, UTF-8-checked reads; limit and flag checks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from sandbox.checkers import ValidatorFlags
from solver.problem.types import ProblemError, TestCase

MAX_FILE_BYTES = 64 * 1024 * 1024  # larger files are a packaging mistake, not a test
MIN_TIME_S, MAX_TIME_S = 0.0, 60.0  # exclusive lower bound, inclusive upper bound
MIN_MEMORY_MB, MAX_MEMORY_MB = 16, 65536


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProblemError(
                f"{path}: file is {size:,} bytes, over the {MAX_FILE_BYTES // 2**20} MiB limit"
            )
        return path.read_bytes()
    except OSError as e:
        raise ProblemError(f"{path}: cannot read: {e.strerror or e}") from e


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
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"contradictory: {key!r} is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def safe_yaml(text: str) -> object:
    return yaml.load(text, Loader=_UniqueKeyLoader)


def yaml_error(path: Path, e: yaml.YAMLError, line_offset: int = 0) -> ProblemError:
    mark = getattr(e, "problem_mark", None)
    what = getattr(e, "problem", None) or str(e).split("\n")[0]
    where = f" line {mark.line + 1 + line_offset}" if mark is not None else ""
    return ProblemError(f"{path}{where}: malformed YAML: {what}")


def check_time(path: Path, time_s: object) -> float:
    # bool is an int subclass; "time_limit: yes" is a typo, not one second.
    if isinstance(time_s, bool) or not isinstance(time_s, (int, float)):
        raise ProblemError(f"{path}: time limit must be a number of seconds, got {time_s!r}")
    if not (MIN_TIME_S < float(time_s) <= MAX_TIME_S):  # also rejects NaN
        raise ProblemError(
            f"{path}: time limit {time_s} s is out of range (must be > {MIN_TIME_S:g} and "
            f"<= {MAX_TIME_S:g} s)"
        )
    return float(time_s)


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
    ins = sorted((f for f in found if f.is_file()), key=lambda f: f.relative_to(folder).as_posix())
    tests = []
    for inp in ins:
        ans = inp.with_suffix(".ans")
        if not ans.is_file():
            raise ProblemError(f"{inp}: test input has no matching answer file {ans.name}")
        name = f"{prefix}/{inp.relative_to(folder).with_suffix('').as_posix()}"
        tests.append(TestCase(name=name, input=read_bytes(inp), output=read_bytes(ans)))
    return tests



def read_json(path: Path) -> object:
    """A JSON file, or a JSON Lines file (up to MAX_FILE_BYTES) as a list of its records."""
    if path.suffix.lower() == ".jsonl":
        read_bytes(path)  # the size check; records are then read one line at a time
        return list(jsonl_records(path))
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ProblemError(f"{path} line {e.lineno}: malformed JSON: {e.msg}") from e


def jsonl_records(path: Path) -> Iterator[object]:
    """The records of a JSON Lines file, read lazily: dataset files can be gigabytes, so only
    each record (line) is held to MAX_FILE_BYTES."""
    try:
        handle = path.open("rb")
    except OSError as e:
        raise ProblemError(f"{path}: cannot read: {e.strerror or e}") from e
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
            try:
                yield json.loads(line)
            except json.JSONDecodeError as e:
                raise ProblemError(f"{path} line {number}: malformed JSON: {e.msg}") from e


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
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "problem"


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
