"""Hostile problem files through the commands: one line and exit 2 from `show` and `test`, and
`batch` records the problem as an error and goes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import solver.batch
from cli.main import EXIT_INPUT, app
from solver.batch import BatchOptions, find_problems, run_batch
from solver.solve import SolveOptions
from tests.conftest import REPO, write

runner = CliRunner()
EXAMPLES = "```input\n1\n```\n\n```output\n1\n```\n"
GOOD = f"---\ntitle: Good\n---\nSay 1.\n\n{EXAMPLES}"
DEEP_FRONT_MATTER = f"---\ntitle: Deep\nx: {'[' * 5000}{']' * 5000}\n---\n{EXAMPLES}"


def one_line_error(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("command", ["show", "test"])
def test_deeply_nested_json_is_an_input_error(tmp_path: Path, command: str) -> None:
    deep = write(tmp_path / "deep.json", "[" * 100_000)
    program = write(tmp_path / "a.py", "print(1)\n")
    args = ["show", str(deep)] if command == "show" else ["test", str(program), str(deep)]
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_INPUT
    assert one_line_error(result) == f"error: {deep}: nested too deeply to read"


def test_show_on_a_named_pipe_refuses_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "problem.md"
    os.mkfifo(fifo)
    for forced in ([], ["--format", "markdown"], ["--format", "companion"]):
        done = subprocess.run([sys.executable, "-m", "cli.main", "show", str(fifo), *forced],
                              cwd=REPO, capture_output=True, text=True, timeout=30)
        assert done.returncode == EXIT_INPUT
        assert done.stderr == f"error: {fifo}: not a regular file (a named pipe)\n"


def batch_tree(root: Path) -> None:
    write(root / "a-good" / "problem.md", GOOD)
    write(root / "b-deep" / "problem.md", DEEP_FRONT_MATTER)
    kattis = root / "c-deep-kattis"
    write(kattis / "problem.yaml", "name: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n")
    write(kattis / "data" / "sample" / "1.in", "1\n")
    write(kattis / "data" / "sample" / "1.ans", "1\n")
    write(root / "d-good" / "problem.md", GOOD)


class NoSandbox:
    """Stands in for the Docker pool: programs come from an empty folder, so none run."""

    def __init__(self, options: object) -> None:
        pass

    def __enter__(self) -> NoSandbox:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass


def test_batch_records_unloadable_problems_and_goes_on(tmp_path: Path, monkeypatch) -> None:
    batch_tree(tmp_path / "problems")
    (tmp_path / "programs").mkdir()
    monkeypatch.setattr("sandbox.pool.DockerPool", NoSandbox)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    junit = tmp_path / "junit.xml"
    result = runner.invoke(app, [
        "batch", str(tmp_path / "problems"), "--samples-from", str(tmp_path / "programs"),
        "--out", str(tmp_path / "out"), "--json", "--junit", str(junit), "--debug",
    ])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{"):])
    statuses = {p["id"]: (p["status"], p["error"]) for p in data["problems"]}
    problems = tmp_path / "problems"
    assert statuses == {
        "a-good": ("skipped", "no programs for this problem"),
        "b-deep": ("error", f"{problems / 'b-deep' / 'problem.md'}: nested too deeply to read"),
        "c-deep-kattis": ("error", f"{problems / 'c-deep-kattis' / 'problem.yaml'}: nested too "
                                   "deeply to read"),
        "d-good": ("skipped", "no programs for this problem"),
    }
    assert data["summary"]["errors"] == 2
    assert junit.is_file()


def test_batch_records_a_loader_crash_and_goes_on(tmp_path: Path, monkeypatch) -> None:
    batch_tree(tmp_path / "problems")
    (tmp_path / "programs").mkdir()
    real_load = solver.batch.load_problem

    def crashing_load(folder: Path):
        if folder.name == "a-good":
            raise ValueError("a bug in a loader\nover two lines")
        return real_load(folder)

    monkeypatch.setattr("solver.batch.load_problem", crashing_load)
    outcomes = run_batch(find_problems(tmp_path / "problems"), None, SolveOptions(),
                         BatchOptions(out_dir=tmp_path / "out"),
                         programs_root=tmp_path / "programs")
    assert [(o.id, o.status) for o in outcomes] == [
        ("a-good", "error"), ("b-deep", "error"), ("c-deep-kattis", "error"),
        ("d-good", "skipped"),
    ]
    assert outcomes[0].error == (f"{tmp_path / 'problems' / 'a-good'}: cannot load: "
                                 "ValueError: a bug in a loader over two lines")
