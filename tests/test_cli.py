"""The command line: fast help, clean failures with the documented exit codes."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from cli.main import EXIT_INFRA, EXIT_INPUT, app
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
