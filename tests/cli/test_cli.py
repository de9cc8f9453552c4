"""The command line: fast help, clean failures with the documented exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from cli.main import EXIT_INFRA, EXIT_INPUT, app
from solver.problem import ProblemError
from tests.conftest import REPO

runner = CliRunner()


def test_help_does_not_import_heavy_modules():
    code = (
        "import sys\n"
        "sys.argv = ['cpsolve', '--help']\n"
        "from cli.main import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "heavy = ('vllm', 'torch', 'docker', 'transformers')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("[]")
    assert "Exit codes" in done.stdout


def one_line_error(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_missing_problem_is_an_input_error(tmp_path):
    result = runner.invoke(app, ["solve", str(tmp_path / "nope")])
    assert result.exit_code == EXIT_INPUT
    assert "nope" in one_line_error(result)


def test_non_utf8_problem_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"---\ntitle: x\n---\n\xff\xfe caf\xe9\n")
    result = runner.invoke(app, ["solve", str(bad)])
    assert result.exit_code == EXIT_INPUT
    assert "bad.md" in one_line_error(result)


def test_problem_without_examples_is_an_input_error(tmp_path):
    bare = tmp_path / "bare.md"
    bare.write_text("---\ntitle: Bare\n---\nPrint 1.\n", encoding="utf-8")
    result = runner.invoke(app, ["solve", str(bare)])
    assert result.exit_code == EXIT_INPUT
    assert "example" in one_line_error(result).lower()


def test_no_docker_engine_is_an_infrastructure_error(monkeypatch, problems_dir):
    monkeypatch.setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
    result = runner.invoke(app, ["solve", str(problems_dir / "sum-of-two")])
    assert result.exit_code == EXIT_INFRA
    assert "Docker" in one_line_error(result)


# --- show, config -------------------------------------------------------------------

FORMATS_DIR = REPO / "tests" / "fixtures" / "formats" / "sum-of-two"


def test_show_prints_the_parsed_problem_on_stdout():
    result = runner.invoke(app, ["show", str(FORMATS_DIR / "kattis")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Sum of Two\n")
    for needle in ("time limit:   1 s", "memory limit: 256 MB", "hidden tests: 11", "3 5", "-5",
                   "The only line contains two integers a and b (-10^9 <= a, b <= 10^9), "
                   "separated by a space."):  # never re-wrapped
        assert needle in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes


def test_show_json():
    result = runner.invoke(app, ["show", str(FORMATS_DIR / "codecontests.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert list(shown) == ["title", "time_limit_s", "memory_limit_mb", "statement", "examples",
                           "hidden_tests", "checker", "url"]
    assert (shown["title"], shown["time_limit_s"], shown["memory_limit_mb"]) == (
        "Sum of Two", 1.0, 256,
    )
    assert shown["examples"][1] == {"input": "-7 2\n", "output": "-5\n"}
    assert shown["hidden_tests"] == 11


def test_show_warns_on_stderr_when_there_is_no_statement():
    result = runner.invoke(app, ["show", str(FORMATS_DIR / "companion.json"), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["statement"] == ""
    assert "no statement" in result.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["nope.md"], "nope.md"),
        (["--format", "latex", str(FORMATS_DIR / "markdown")], "unknown problem format 'latex'"),
        ([str(FORMATS_DIR / "kattis" / "problem.yaml"), "--format", "codeforces"],
         "not a Codeforces problem page"),
    ],
)
def test_show_bad_input_is_one_line_and_exit_2(tmp_path, args, needle):
    result = runner.invoke(app, ["show", *args])
    assert result.exit_code == EXIT_INPUT
    assert needle in one_line_error(result)


def test_debug_shows_the_traceback(tmp_path):
    result = runner.invoke(app, ["show", str(tmp_path / "nope"), "--debug"])
    assert result.exit_code != 0
    assert isinstance(result.exception, ProblemError)


def test_config_show_json_names_each_source(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cpsolve.yaml").write_text("workers: 3\n", encoding="utf-8")
    monkeypatch.setenv("CPSOLVE_SAMPLES", "32")
    result = runner.invoke(app, ["config", "show", "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["samples"] == {"value": 32, "source": "CPSOLVE_SAMPLES"}
    assert shown["workers"] == {"value": 3, "source": str(tmp_path / "cpsolve.yaml")}
    assert shown["model"]["source"] == "default"
    table = runner.invoke(app, ["config", "show"])
    assert "CPSOLVE_SAMPLES" in table.stdout and "32" in table.stdout


def test_config_errors_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CPSOLVE_SAMPLES", "0")
    result = runner.invoke(app, ["config", "show"])
    assert result.exit_code == EXIT_INPUT
    assert "CPSOLVE_SAMPLES" in one_line_error(result)
    monkeypatch.delenv("CPSOLVE_SAMPLES")
    solve = runner.invoke(app, ["solve", str(FORMATS_DIR / "markdown"), "--samples", "0"])
    assert solve.exit_code == EXIT_INPUT
    assert "--samples" in one_line_error(solve)


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    import os

    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=REPO, text=True,
                          capture_output=True, env={**environ, **env})


def test_colour_only_when_allowed():
    missing = ["show", "no-such-problem.md"]
    assert "\x1b[31m" in run_cli(*missing, FORCE_COLOR="1").stderr  # a terminal gets red
    assert "\x1b[" not in run_cli(*missing).stderr  # a pipe gets plain text
    plain = run_cli(*missing, FORCE_COLOR="1", NO_COLOR="1")
    assert plain.returncode == EXIT_INPUT
    assert "\x1b[31m" not in plain.stderr and "no-such-problem.md" in plain.stderr
