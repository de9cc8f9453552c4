"""`cpsolve stress` as a user runs it: the counterexample and its JSON, the exit codes, one-line
errors, and the reference found where `cpsolve solve` leaves its candidates."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.conftest import PROBLEMS, write

pytestmark = pytest.mark.integration

runner = CliRunner()
READ = "n = int(input())\na = list(map(int, input().split()))\n"
BRUTE = READ + "print(max(a))\n"
# Wrong when the maximum is negative (starts at 0) or n > 5 (reads five numbers only).
PLANTED = READ + "best = 0\nfor x in a[:5]:\n    best = max(best, x)\nprint(best)\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of its own as the working directory, no CPSOLVE_* settings: output_dir is the
    default cpsolve-out/ here, and no project file applies."""
    for name in list(os.environ):
        if name.startswith("CPSOLVE_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "planted.py", PLANTED)
    write(tmp_path / "brute.py", BRUTE)
    return tmp_path


def one_line_error(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output and lines[0].startswith("error: ")
    return lines[0]


def test_the_planted_bug_gives_a_small_counterexample_and_exit_1(home):
    started = time.monotonic()
    result = runner.invoke(app, ["stress", "planted.py", str(PROBLEMS / "max-of-list"),
                                 "--brute", "brute.py", "--json", "--workers", "2"])
    took = time.monotonic() - started
    assert result.exit_code == 1, result.output
    found = json.loads(result.stdout)  # stdout is the JSON alone: progress went to stderr
    for field in ("input", "output", "expected", "verdict"):
        assert isinstance(found[field], str), field
    assert isinstance(found["tries"], int) and isinstance(found["shrink_steps"], int)
    assert found["verdict"] == "WA" and found["reference"] == "brute"
    tokens = found["input"].split()  # the count, then the items: at most 2 items, 3 lines
    assert found["input"].count("\n") <= 3 and int(tokens[0]) == len(tokens) - 1 <= 2
    assert found["input"] == "1\n-1\n"
    assert (found["output"], found["expected"]) == ("0\n", "-1\n")
    assert found["tries"] >= 1 and found["shrink_steps"] >= 1
    assert took < 60, took  # the sandbox's start included (2-5 s of it on this 2-core box)
    assert "tries" in result.stderr


def test_the_counterexample_as_text(home):
    result = runner.invoke(app, ["stress", "planted.py", str(PROBLEMS / "max-of-list"),
                                 "--brute", "brute.py", "--workers", "2"])
    assert result.exit_code == 1, result.output
    assert "counterexample (WA)" in result.stdout
    assert "1\n-1\n" in result.stdout and "verdict: WA" in result.stdout


def test_a_right_program_exits_0_when_the_budget_is_spent(home):
    result = runner.invoke(app, ["stress", "brute.py", str(PROBLEMS / "max-of-list"),
                                 "--brute", "brute.py", "--time", "2", "--json",
                                 "--workers", "2"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["verdict"] == "OK" and report["input"] is None and report["tries"] > 0


def test_the_top_candidate_of_a_solve_is_the_last_resort(home):
    problem = home / "mol"
    problem.mkdir()
    shutil.copy(PROBLEMS / "max-of-list" / "problem.md", problem / "problem.md")  # no hidden
    missing = runner.invoke(app, ["stress", "planted.py", "mol"])
    assert missing.exit_code == 2
    assert "--brute" in one_line_error(missing)
    write(home / "cpsolve-out" / "mol" / "rank01.py", BRUTE)
    result = runner.invoke(app, ["stress", "planted.py", "mol", "--json", "--workers", "2"])
    assert result.exit_code == 1, result.output
    found = json.loads(result.stdout)
    assert found["reference"] == "top candidate"
    assert found["reference_file"].endswith("rank01.py")


@pytest.mark.parametrize("args, needle", [
    (["nope.py", "MAX", "--brute", "brute.py"], "nope.py"),
    (["planted.py", "MAX", "--brute", "nope.py"], "nope.py"),
    (["planted.py", "MAX", "--brute", "brute.py", "--generator", "nope.py"], "nope.py"),
    (["planted.py", "no-such-problem", "--brute", "brute.py"], "no-such-problem"),
    (["planted.rb", "MAX", "--brute", "brute.py"], "unknown language"),
    (["planted.py", "MAX", "--brute", "brute.py", "--time", "0"], "--time"),
    # --generator: the hidden tests cannot answer its inputs, and there is no rank01.py.
    (["planted.py", "MAX", "--generator", "brute.py"], "--brute"),
])
def test_bad_input_is_one_line_and_exit_2(home, args, needle):
    args = [str(PROBLEMS / "max-of-list") if arg == "MAX" else arg for arg in args]
    result = runner.invoke(app, ["stress", *args])
    assert result.exit_code == 2, result.output
    assert needle in one_line_error(result)


def test_a_program_that_does_not_compile_is_exit_2(home):
    write(home / "broken.cpp", "int main( {")
    result = runner.invoke(app, ["stress", "broken.cpp", str(PROBLEMS / "max-of-list"),
                                 "--brute", "brute.py", "--workers", "1"])
    assert result.exit_code == 2, result.output
    assert "does not compile" in one_line_error(result)


# --- nothing outlives the command -----------------------------------------------------------

CPSOLVE = Path(sys.executable).with_name("cpsolve")


def owned_containers(pid: int) -> list:
    from sandbox.pool import OWNER_LABEL, docker_client

    return docker_client().containers.list(
        all=True, filters={"label": f"{OWNER_LABEL}={pid}"}, sparse=True)


def start_stress(home: Path, program: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(CPSOLVE), "stress", program, str(PROBLEMS / "max-of-list"), "--brute", "brute.py",
         "--workers", "2", *args],
        cwd=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_the_command_leaves_no_container_behind(home):
    process = start_stress(home, "planted.py")
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stderr
    assert "1\n-1" in stdout
    assert owned_containers(process.pid) == []


def test_a_stress_stopped_mid_search_leaves_no_container_behind(home):
    process = start_stress(home, "brute.py", "--time", "60")
    try:
        deadline = time.monotonic() + 60
        while not owned_containers(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(3)  # searching by now
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr and "terminated by SIGTERM" in stderr
    assert owned_containers(process.pid) == []
