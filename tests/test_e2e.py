"""End to end: `cpsolve solve` with the real embedded model through vLLM and real containers.

One vLLM engine serves the whole test run (cli.main keeps one per process and model).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cli.main import app

pytestmark = [pytest.mark.integration, pytest.mark.model]

# Enough samples that the weak embedded model nearly always finds the sum: on this prompt about
# one sample in ten solves it (measured), so 96 samples miss with probability ~ 0.9^96 < 1e-4.
SAMPLES = 96


def test_solve_sum_with_embedded_model(problems_dir, tmp_path):
    result = CliRunner().invoke(
        app,
        ["solve", str(problems_dir / "sum-of-two"), "--samples", str(SAMPLES), "--json",
         "--out", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output[-2000:]
    data = json.loads(result.stdout)
    stats = data["stats"]
    assert stats["sampled"] == SAMPLES
    assert 0 < stats["passed_examples"] <= stats["unique"] <= SAMPLES
    assert stats["clusters"] >= 1
    candidates = data["candidates"]
    assert 1 <= len(candidates) <= 10
    assert [c["rank"] for c in candidates] == list(range(1, len(candidates) + 1))
    assert any(c["hidden_verdict"] == "OK" for c in candidates), candidates
    assert data["solved_at_10"] is True
    for candidate in candidates:
        assert (tmp_path / "sum-of-two" / f"rank{candidate['rank']:02d}.py").read_text() == (
            candidate["source"]
        )
    assert (tmp_path / "sum-of-two" / "samples.jsonl").exists()


def test_rerun_draws_only_new_samples(problems_dir, tmp_path):
    """A second run with a larger --samples takes the first run's completions from the cache."""
    import shutil
    import uuid

    problem = tmp_path / "sum-of-two"
    shutil.copytree(problems_dir / "sum-of-two", problem)
    statement = problem / "problem.md"
    # A statement no earlier run has seen, so the cache starts empty for this prompt.
    text = statement.read_text(encoding="utf-8")
    statement.write_text(text.replace("Print their sum.", f"Print their sum. ({uuid.uuid4()})"),
                         encoding="utf-8")
    runner = CliRunner()
    base = ["solve", str(problem), "--json", "--out", str(tmp_path / "out")]
    first = runner.invoke(app, [*base, "--samples", "16"])
    assert first.exit_code in (0, 1), first.output[-2000:]
    assert json.loads(first.stdout)["stats"]["from_cache"] == 0
    second = runner.invoke(app, [*base, "--samples", "24"])
    assert second.exit_code in (0, 1), second.output[-2000:]
    stats = json.loads(second.stdout)["stats"]
    assert (stats["sampled"], stats["from_cache"]) == (24, 16)
