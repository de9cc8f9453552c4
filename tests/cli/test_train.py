"""`cpsolve train-scorer` end to end on a small labelled set (the ladder's own solutions in a
Kattis-style folder), in the sandbox: rows, a model file, a held-out score; bad input in one line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import EXIT_INPUT, app
from solver.selection.scorer import load_model
from tests.conftest import REPO, isolate_settings

LADDER = REPO / "problems" / "ladder"
# Problems whose wrong.py passes the examples, so that both labels reach the rows.
PROBLEMS = ("13-even-or-odd", "16-leap-year", "20-triangle", "26-count-positive")
runner = CliRunner()


def labelled_folder(root: Path) -> Path:
    """root/<problem>/{accepted,wrong_answer}/ from the ladder's solutions/."""
    for name in PROBLEMS:
        for label, source in (("accepted", "accepted.py"), ("wrong_answer", "wrong.py")):
            target = root / name / label
            target.mkdir(parents=True)
            shutil.copy(LADDER / name / "solutions" / source, target / source)
    return root


@pytest.mark.integration
def test_train_scorer_collects_fits_and_scores_held_out_problems(tmp_path, monkeypatch):
    isolate_settings(monkeypatch, tmp_path)
    labelled = labelled_folder(tmp_path / "labelled")
    model_path = tmp_path / "learned.json"
    args = ["train-scorer", str(labelled), "--problems", str(LADDER), "--components", "0",
            "--holdout", "26-*", "--out", str(model_path), "--json"]
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    model = load_model(model_path)
    assert set(model.trained_on) == set(PROBLEMS[:3])  # 26-count-positive held out
    assert report["rows"] >= 6 and 0 < report["passing"] < report["rows"]
    held = report["held_out"]["without_embedding"]
    assert held["problems"] == 1 and held["per_problem"][0]["problem"] == "26-count-positive"
    rows = list((tmp_path / "cache" / "cpsolve" / "scorer" / "rows").glob("*.jsonl"))
    assert len(rows) == len(PROBLEMS)
    # A rerun reads the rows from the cache: nothing runs in the sandbox.
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and json.loads(again.stdout)["notes"][0].endswith("(cached)")


def test_train_scorer_bad_input_is_one_line(tmp_path, monkeypatch):
    isolate_settings(monkeypatch, tmp_path)
    done = runner.invoke(app, ["train-scorer", str(tmp_path / "nowhere")])
    assert done.exit_code == EXIT_INPUT
    assert "not a folder" in done.output and "Traceback" not in done.output
    (tmp_path / "empty").mkdir()
    done = runner.invoke(app, ["train-scorer", str(tmp_path / "empty"), "--problems",
                               str(LADDER)])
    assert done.exit_code == EXIT_INPUT and "neither problems nor programs" in done.output
    done = runner.invoke(app, ["train-scorer", str(LADDER), "--components", "-1"])
    assert done.exit_code == EXIT_INPUT
