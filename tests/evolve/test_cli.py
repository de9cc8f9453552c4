"""`cpsolve evolve` on the command line: bad input in one line before any model starts, and
end to end with the embedded model and through an OpenAI-compatible server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from solver.evolve.checkpoint import RunFolder
from tests.conftest import PROBLEMS, isolate_settings
from tests.sampling.test_endpoints import vllm_server  # noqa: F401 - a fixture, used by name

MACHINES = PROBLEMS / "scored" / "machines"


def one_line_error(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")
    return lines[0]


def test_bad_input_fails_in_one_line(tmp_path: Path, monkeypatch) -> None:
    isolate_settings(monkeypatch, tmp_path)
    runner = CliRunner()
    line = one_line_error(runner.invoke(app, ["evolve", str(PROBLEMS / "max-of-list")]))
    assert "not a scored problem" in line
    one_line_error(runner.invoke(app, ["evolve", str(MACHINES), "--samples", "0"]))
    folder = tmp_path / "run"
    RunFolder(folder).save({"run": {}}, {"problem": "other"})
    line = one_line_error(runner.invoke(app, ["evolve", str(MACHINES), "--out", str(folder)]))
    assert "other settings" in line and "--fresh" in line
    line = one_line_error(runner.invoke(app, ["evolve", str(PROBLEMS / "max-of-list"), "--speed"]))
    assert "--from PROGRAM" in line


def check_run(result, folder: Path, samples: int) -> dict:
    assert result.exit_code in (0, 1), result.output[-2000:]
    report = json.loads(result.stdout)
    assert report["samples"] == samples and report["objective"] == "min"
    bests = [point["best_score"] for point in report["history"]]
    assert bests == sorted(bests, reverse=True)  # min: the best so far never rises
    assert report["best"]["score"] == bests[-1] <= report["seed_score"]
    assert {"source", "language", "score"} <= set(report["best"])
    assert (folder / "evolve.png").stat().st_size > 1000
    assert (folder / "checkpoint.json").exists() and (folder / "journal.jsonl").exists()
    return report


@pytest.mark.integration
@pytest.mark.model
def test_evolve_with_the_embedded_model(tmp_path: Path, monkeypatch) -> None:
    isolate_settings(monkeypatch, tmp_path, own_cache=False)  # the engine the other tests share
    folder = tmp_path / "run"
    result = CliRunner().invoke(app, ["evolve", str(MACHINES), "--samples", "8", "--json",
                                      "--out", str(folder)])
    check_run(result, folder, 8)


@pytest.mark.integration
@pytest.mark.model
def test_evolve_through_a_local_vllm_server(vllm_server, tmp_path: Path,  # noqa: F811
                                            monkeypatch) -> None:
    isolate_settings(monkeypatch, tmp_path)
    folder = tmp_path / "run"
    result = CliRunner().invoke(app, ["evolve", str(MACHINES), "--samples", "8", "--json",
                                      "--endpoint", vllm_server, "--out", str(folder)])
    check_run(result, folder, 8)
