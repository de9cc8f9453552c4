"""Shared fixtures: one sandbox pool and (lazily) one vLLM engine per test run.

Integration tests need a Docker engine and the sandbox image (`make test` sets both up). They fail,
not skip, when those are missing: a skipped integration test would hide a broken set-up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PROBLEMS = REPO / "problems"


@pytest.fixture(scope="session")
def pool():
    from sandbox.pool import DockerPool, SandboxOptions

    with DockerPool(SandboxOptions(workers=2)) as shared:
        yield shared


@pytest.fixture(scope="session")
def problems_dir() -> Path:
    return PROBLEMS


def write(path: Path, text: str | bytes) -> Path:
    """Write a file (text or bytes), making its folders; the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path, **kwargs: object) -> str:
    """The ProblemError message loading `path` gives; it must be one line."""
    from solver.problem import ProblemError, load_problem

    with pytest.raises(ProblemError) as info:
        load_problem(path, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message, "errors must be one line"
    return message


def isolate_settings(monkeypatch: pytest.MonkeyPatch, home: Path, *,
                     own_cache: bool = True) -> None:
    """Run a command as on a fresh machine: no CPSOLVE_* variables, no cpsolve.yaml, and a
    cache of its own under `home`.

    own_cache=False keeps the shared cache: a test that starts the in-process engine must, since
    the embedded model's folder lives there, and another folder would start a second engine in
    the test process (engines are kept per model path) and run out of memory.
    """
    import os

    for name in list(os.environ):
        if name.startswith("CPSOLVE_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(home)
    if own_cache:
        monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
