"""Checkpoint and journal: a whole round or nothing on disk, a torn journal line ignored; and a
real run killed with SIGKILL resumes with nothing lost, nothing drawn twice, and no container
of the killed process left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from solver.evolve.checkpoint import DrawnRound, EvolveError, RunFolder
from tests.conftest import REPO


def test_journal_keeps_whole_rounds_and_skips_a_torn_line(tmp_path: Path) -> None:
    folder = RunFolder(tmp_path)
    folder.append(DrawnRound(1, [0, None], [[3], []], [[("a", True, 2)], [("b", False, 5)]]))
    with open(folder.journal_path, "a", encoding="utf-8") as handle:
        handle.write('{"round": 2, "islands": [0], "par')  # a kill mid-write
    folder.append(DrawnRound(3, [1], [[1, 2]], [[("c", True, 1)]]))
    rounds = folder.journal()
    assert [r.round for r in rounds] == [1, 3]
    assert rounds[0].completions[1] == [("b", False, 5)] and rounds[0].samples == 2


def test_checkpoint_is_replaced_whole_and_tied_to_its_settings(tmp_path: Path) -> None:
    folder = RunFolder(tmp_path)
    assert folder.load({"k": 1}) is None
    folder.save({"run": 1}, {"k": 1})
    folder.save({"run": 2}, {"k": 1})
    assert folder.load({"k": 1})["run"] == 2
    assert not list(tmp_path.glob("*.partial"))
    with pytest.raises(EvolveError, match="other settings"):
        folder.load({"k": 2})
    folder.clear()
    assert folder.load({"k": 2}) is None


def containers_of(pid: int) -> list:
    import docker

    from sandbox.pool import OWNER_LABEL

    client = docker.from_env()
    return client.containers.list(all=True, filters={"label": f"{OWNER_LABEL}={pid}"})


@pytest.mark.integration
def test_a_run_killed_with_sigkill_resumes_with_nothing_lost(tmp_path: Path) -> None:
    folder, drawn = tmp_path / "run", tmp_path / "drawn.txt"
    command = [sys.executable, "-m", "tests.evolve.kill_harness", str(folder), str(drawn), "24"]
    victim = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, text=True)
    journal = RunFolder(folder)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (
            len(journal.journal()) >= 3 and journal.checkpoint_path.exists()):
        time.sleep(0.1)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    assert victim.returncode == -signal.SIGKILL
    rounds = journal.journal()
    assert len(rounds) >= 3, "the run was killed before it journaled three rounds"
    journaled = sum(r.samples for r in rounds)
    assert journaled < 24 and len(drawn.read_text().split()) >= journaled
    finished = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr[-2000:]
    counts = dict(part.split("=") for part in finished.stdout.split())
    # Every completion is a valid program; a run or two may still time out on a loaded machine.
    assert counts["samples"] == "24" and int(counts["valid"]) >= 20
    # Every completion the killed run journaled was judged from the journal, not drawn again:
    assert int(counts["resumed"]) + int(counts["replayed"]) == journaled
    assert int(counts["drawn"]) == 24 - journaled
    # (one request may have been in flight at the kill: drawn, never journaled, lost)
    assert len(drawn.read_text().split()) <= 24 + 2
    assert containers_of(victim.pid) == []  # swept by the next run's pool
