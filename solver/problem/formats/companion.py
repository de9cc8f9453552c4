"""competitive-companion's JSON (what the browser extension POSTs, or a file saved from it):
name, url, timeLimit in ms, memoryLimit in MB, tests: [{input, output}]. It carries no statement.

An interactive problem ("interactive": true) carries no interactor either: it is judged only
when its interactor (testlib-style interactor.cpp, .cc or .py) is saved beside the JSON file;
the tests' inputs are then the interactor's input files."""

from __future__ import annotations

from pathlib import Path

from sandbox.checkers import ValidatorFlags
from solver.problem.checkers import INTERACTOR_NAMES, find_interactor
from solver.problem.formats.common import (
    as_float,
    check_memory,
    check_time,
    read_json,
    slug,
    strip_problem_letter,
    text_test,
)
from solver.problem.types import Problem, ProblemError


def load(path: Path) -> Problem:
    data = read_json(path)
    if isinstance(data, list) and len(data) == 1:
        data = data[0]  # a .jsonl file with one line
    return from_companion(data, str(path), path)


def from_companion(data: object, where: str, path: Path | None = None) -> Problem:
    """The extension's JSON as a Problem; `where` names its origin in errors."""
    if not isinstance(data, dict):
        raise ProblemError(f"{where}: competitive-companion data must be a JSON object")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ProblemError(f"{where}: no problem 'name'")
    interactor = None
    if data.get("interactive"):
        interactor = find_interactor(path.parent, ValidatorFlags()) if path is not None else None
        if interactor is None:
            raise ProblemError(f"{where}: {name!r} is interactive: cpsolve needs its interactor, "
                               f"saved beside the JSON file as {' or '.join(INTERACTOR_NAMES)}")
    for stream, standard in (("input", "stdin"), ("output", "stdout")):
        settings = data.get(stream) or {}
        if not isinstance(settings, dict):
            raise ProblemError(f'{where}: {stream!r} must be an object like {{"type": '
                               f'"{standard}"}}, got {settings!r:.40}')
        kind = settings.get("type", standard)
        if kind not in ("stdin", "stdout"):
            raise ProblemError(f"{where}: {name!r} uses {stream} type {kind!r}, not standard I/O")
    tests = data.get("tests")
    if not isinstance(tests, list) or not all(
        isinstance(t, dict) and isinstance(t.get("input"), str) and isinstance(t.get("output"), str)
        for t in tests
    ):
        raise ProblemError(f"{where}: 'tests' must be a list of {{input, output}} text pairs")
    if not tests:
        raise ProblemError(f"{where}: no examples (the 'tests' list is empty)")
    time_ms = data.get("timeLimit")
    if isinstance(time_ms, bool) or not isinstance(time_ms, (int, float)):
        raise ProblemError(f"{where}: timeLimit must be a number of milliseconds, got {time_ms!r}")
    url = data.get("url")
    title = strip_problem_letter(name)
    return Problem(
        id=slug(title),
        title=title,
        statement="",
        examples=[
            text_test(f"sample/{n}", t["input"], t["output"]) for n, t in enumerate(tests, 1)
        ],
        time_limit_s=check_time(Path(where), as_float(time_ms) / 1000),
        memory_limit_mb=check_memory(Path(where), data.get("memoryLimit")),
        url=url if isinstance(url, str) and url else None,
        source_format="companion",
        path=path,
        custom_checker=interactor,
    )
