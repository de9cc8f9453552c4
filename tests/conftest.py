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
