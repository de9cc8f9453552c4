"""DeepMind CodeContests records (JSON or JSONL): the public tests are the examples, the private
and generated tests are hidden. A file with several records takes FILE#INDEX or FILE#NAME."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from solver.problem.formats.common import (
    as_float,
    check_memory,
    check_time,
    jsonl_records,
    read_json,
    slug,
    strip_problem_letter,
    text_test,
)
from solver.problem.types import Problem, ProblemError, TestCase

DEFAULT_TIME_S = 2.0
DEFAULT_MEMORY_MB = 256
CODEFORCES_SOURCE = 2  # the dataset's Source enum
# Codeforces names look like "1549_A. Gregor and Cryptography".
_CONTEST_PREFIX = re.compile(r"^\d+_")
# Codeforces descriptions repeat the examples as text ("Example\n\nInput\n\n...") before the Note.
_EXAMPLES_SECTION = re.compile(r"\n(?:Examples?)\n\s*\nInput\n.*?(?=\nNote\n|\Z)", re.DOTALL)


def load(path: Path, record: str | None = None) -> Problem:
    where = f"{path}#{record}" if record is not None else str(path)
    if path.suffix.lower() == ".jsonl":
        # Stream: a split of the dataset is gigabytes; stop at the record asked for.
        return from_record(_choose_streamed(path, jsonl_records(path), record), where, path)
    data = read_json(path)
    records = data if isinstance(data, list) else [data]
    return from_record(_choose_streamed(path, iter(records), record), where, path)


def _choose_streamed(path: Path, records: Iterator[object], record: str | None) -> dict:
    """The only record, or the one at index / with the name `record`, reading no further."""
    found: object = None
    seen = 0
    for candidate in records:
        if record is None:
            if seen == 1:
                raise ProblemError(
                    f"{path}: holds more than one record; pick one as {path.name}#INDEX (from 0) "
                    f"or {path.name}#NAME"
                )
            found = candidate
        elif (record.isdigit() and seen == int(record)) or (
            isinstance(candidate, dict) and candidate.get("name") == record
        ):
            found = candidate
            break
        seen += 1
    if seen == 0 and found is None:
        raise ProblemError(f"{path}: no CodeContests records in the file")
    if found is None:
        kind = f"#{record}" if record is not None and record.isdigit() else f"named {record!r}"
        raise ProblemError(f"{path}: no record {kind} (the file holds {seen})")
    if not isinstance(found, dict):
        raise ProblemError(f"{path}: a CodeContests record must be a JSON object")
    return found


def from_record(record: dict, where: str, path: Path | None = None) -> Problem:
    """One record as a Problem; `where` names it in errors ("file.jsonl#3")."""
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ProblemError(f"{where}: record has no 'name'")
    description = record.get("description")
    if not isinstance(description, str):
        raise ProblemError(f"{where}: record has no 'description' text")
    examples = _tests(where, record, "public_tests", "sample")
    if not examples:
        raise ProblemError(f"{where}: no examples (public_tests is empty)")
    hidden = _tests(where, record, "private_tests", "private")
    hidden += _tests(where, record, "generated_tests", "generated")
    title = strip_problem_letter(_CONTEST_PREFIX.sub("", name.strip()))
    return Problem(
        id=slug(name),
        title=title,
        statement=_statement(description),
        examples=examples,
        hidden=hidden,
        time_limit_s=check_time(Path(where), _time_limit(where, record.get("time_limit"))),
        memory_limit_mb=check_memory(Path(where), _memory_mb(where, record)),
        url=_url(record),
        source_format="codecontests",
        path=path,
    )


def _tests(where: str, record: dict, key: str, prefix: str) -> list[TestCase]:
    tests = record.get(key) or {}
    if not isinstance(tests, dict):
        raise ProblemError(f"{where}: {key} must be an object {{input: [...], output: [...]}}")
    inputs, outputs = tests.get("input") or [], tests.get("output") or []
    if not isinstance(inputs, list) or not isinstance(outputs, list):
        raise ProblemError(f"{where}: {key}.input and {key}.output must be lists")
    if len(inputs) != len(outputs):
        raise ProblemError(
            f"{where}: {key} has {len(inputs)} inputs but {len(outputs)} outputs"
        )
    if not all(isinstance(t, str) for t in inputs + outputs):
        raise ProblemError(f"{where}: {key} must hold text")
    return [
        text_test(f"{prefix}/{number}", inp, out)
        for number, (inp, out) in enumerate(zip(inputs, outputs, strict=True), start=1)
    ]


def _time_limit(where: str, limit: object) -> object:
    if limit is None:
        return DEFAULT_TIME_S
    if not isinstance(limit, dict):
        raise ProblemError(f"{where}: time_limit must be {{seconds, nanos}}, got {limit!r}")
    seconds, nanos = limit.get("seconds") or 0, limit.get("nanos") or 0
    if not isinstance(seconds, (int, float)) or not isinstance(nanos, (int, float)):
        raise ProblemError(f"{where}: time_limit must be {{seconds, nanos}}, got {limit!r}")
    total = as_float(seconds) + as_float(nanos) / 1e9
    return total if total else DEFAULT_TIME_S  # 0 in the dataset means "not recorded"


def _memory_mb(where: str, record: dict) -> object:
    limit = record.get("memory_limit_bytes")
    if limit is None or limit == 0:  # 0 in the dataset means "not recorded"
        return DEFAULT_MEMORY_MB
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise ProblemError(f"{where}: memory_limit_bytes must be a whole number, got {limit!r}")
    # Codeforces' "256 megabytes" is stored as 256000000; other judges use MiB.
    if limit % 10**6 == 0:
        return limit // 10**6
    return (limit + 2**19) // 2**20  # rounded, in integers: a float would overflow


def _url(record: dict) -> str | None:
    contest, index = record.get("cf_contest_id"), record.get("cf_index")
    if record.get("source") == CODEFORCES_SOURCE and contest and index:
        return f"https://codeforces.com/problemset/problem/{contest}/{index}"
    return None


def _statement(description: str) -> str:
    text = description.replace("\r\n", "\n")
    text = _EXAMPLES_SECTION.sub("\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
