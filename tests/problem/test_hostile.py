"""Problem files written to break the loaders: every one is a one-line ProblemError naming the
file, never a traceback or a hang."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from solver.problem import Problem, ProblemError, TestCase, load_problem
from solver.problem.formats.markdown import save_markdown, to_markdown
from tests.conftest import REPO, error_of, write

FIXTURES = REPO / "tests" / "fixtures" / "formats" / "sum-of-two"
EXAMPLES = "```input\n1\n```\n\n```output\n1\n```\n"
DEPTH = 100_000  # far past Python's recursion limit


def copy_fixture(tmp_path: Path, name: str) -> Path:
    source = FIXTURES / name
    target = tmp_path / name
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy(source, target)
    return target


def companion_json(**changes: object) -> dict:
    data = json.loads((FIXTURES / "companion.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


# --- nesting deep enough to exhaust the recursion limit ---------------------------------------


def deep_yaml_flow(levels: int) -> str:
    return "[" * levels + "]" * levels


def deep_yaml_block(levels: int) -> str:
    return "".join("  " * level + "-\n" for level in range(1, levels))


@pytest.mark.parametrize("nested", [deep_yaml_flow(5000), "\n" + deep_yaml_block(5000)])
def test_deep_markdown_front_matter(tmp_path: Path, nested: str) -> None:
    md = write(tmp_path / "deep.md", f"---\ntitle: T\nx: {nested}\n---\n{EXAMPLES}")
    message = error_of(md)
    assert "deep.md" in message and "nested too deeply" in message


def test_deep_json_files(tmp_path: Path) -> None:
    deep = write(tmp_path / "deep.json", "[" * DEPTH)
    assert error_of(deep) == f"{deep}: nested too deeply to read"
    assert "nested too deeply" in error_of(deep, format="companion")
    assert "nested too deeply" in error_of(deep, format="codecontests")
    record = {"name": "x", "description": "d", "public_tests": "@"}
    lines = json.dumps(record) + "\n" + json.dumps(record).replace('"@"', "[" * DEPTH) + "\n"
    jsonl = write(tmp_path / "deep.jsonl", lines)
    assert error_of(jsonl, format="codecontests") == f"{jsonl} line 2: nested too deeply to read"
    assert "nested too deeply" in error_of(Path(f"{jsonl}#1"))


def test_deep_kattis_problem_yaml_and_statement(tmp_path: Path) -> None:
    package = copy_fixture(tmp_path, "kattis")
    write(package / "problem.yaml", "name: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n")
    assert error_of(package) == f"{package / 'problem.yaml'}: nested too deeply to read"
    write(package / "problem.yaml", "name: Sum\n")
    tex = package / "problem_statement" / "problem.en.tex"
    write(tex, "\\problemname{Sum}\n" + "{" * DEPTH + "}" * DEPTH + "\n")
    assert error_of(package) == f"{tex}: nested too deeply to read"


def test_deep_codeforces_page(tmp_path: Path) -> None:
    page = (FIXTURES / "codeforces.html").read_text(encoding="utf-8")
    legend = "<div>" * 20_000 + "deep" + "</div>" * 20_000
    marker = '<div class="input-specification">'
    assert marker in page
    path = write(tmp_path / "deep.html", page.replace(marker, legend + marker, 1))
    assert error_of(path) == f"{path}: nested too deeply to read"


def test_deep_oj_statement(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path, "oj")
    statement = folder / "statement.md"
    write(statement, f"---\ntitle: T\nx: {deep_yaml_flow(5000)}\n---\nHello.\n")
    assert error_of(folder) == f"{statement}: nested too deeply to read"


def test_a_converter_that_recurses_is_caught_by_load_problem(tmp_path: Path, monkeypatch) -> None:
    """A parse step a loader does not guard still ends as one line naming the file."""
    path = copy_fixture(tmp_path, "codeforces.html")

    def recurse(html: str, where: Path) -> Problem:
        return recurse(html, where)

    monkeypatch.setattr("solver.problem.formats.codeforces.from_html", recurse)
    assert error_of(path) == f"{path}: nested too deeply to read"


# --- limits no judge uses ---------------------------------------------------------------------


def test_tiny_time_limit_in_every_format(tmp_path: Path) -> None:
    md = write(tmp_path / "md" / "problem.md",
               f"---\ntitle: T\ntime_limit: 0.000001\n---\n{EXAMPLES}")
    kattis = copy_fixture(tmp_path, "kattis")
    write(kattis / ".timelimit", "0.000001\n")
    kattis_yaml = shutil.copytree(kattis, tmp_path / "kattis-yaml")
    (kattis_yaml / ".timelimit").unlink()
    write(kattis_yaml / "problem.yaml", "name: Sum\nlimits:\n  time_limit: 0.000001\n")
    page = (FIXTURES / "codeforces.html").read_text(encoding="utf-8")
    assert "1 second" in page
    codeforces = write(tmp_path / "cf.html", page.replace("1 second", "0.000001 seconds"))
    companion = write(tmp_path / "companion.json", json.dumps(companion_json(timeLimit=0.001)))
    record = json.loads((FIXTURES / "codecontests.jsonl").read_text(encoding="utf-8"))
    record["time_limit"] = {"seconds": 0, "nanos": 1000}
    codecontests = write(tmp_path / "cc.jsonl", json.dumps(record) + "\n")
    oj = copy_fixture(tmp_path, "oj")
    text = (oj / "statement.md").read_text(encoding="utf-8")
    write(oj / "statement.md", text.replace("time_limit: 1", "time_limit: 0.000001", 1))
    for path, file in [
        (md, md), (kattis, kattis / ".timelimit"), (kattis_yaml, kattis_yaml / "problem.yaml"),
        (codeforces, codeforces), (companion, companion), (codecontests, codecontests),
        (oj, oj / "statement.md"),
    ]:
        message = error_of(path)
        assert f"{file}: time limit 1e-06 s is out of range (0.1..60 s)" == message


@pytest.mark.parametrize(
    ("time_limit", "memory_limit", "accepted"),
    [(0.1, 16, True), (60, 65536, True), (0.09, 256, False), (60.5, 256, False),
     (1, 15, False), (1, 65537, False),
     pytest.param(10**400, 256, False, id="huge-time"),
     pytest.param(1, 10**400, False, id="huge-memory")],
)  # fmt: skip
def test_limit_bounds(tmp_path: Path, time_limit: float, memory_limit: int,
                      accepted: bool) -> None:
    md = write(tmp_path / "p.md", f"---\ntitle: T\ntime_limit: {time_limit}\n"
                                  f"memory_limit: {memory_limit}\n---\n{EXAMPLES}")
    if accepted:
        problem = load_problem(md)
        assert (problem.time_limit_s, problem.memory_limit_mb) == (time_limit, memory_limit)
    else:
        assert "limit" in error_of(md) and "out of range" in error_of(md)


def test_huge_numbers_in_json_limits_are_one_line(tmp_path: Path) -> None:
    companion = write(tmp_path / "c.json", json.dumps(companion_json(timeLimit=10**400)))
    assert "time limit inf s is out of range" in error_of(companion)
    record = json.loads((FIXTURES / "codecontests.jsonl").read_text(encoding="utf-8"))
    huge = {**record, "time_limit": {"seconds": 10**400, "nanos": 0}}
    assert "time limit" in error_of(write(tmp_path / "t.jsonl", json.dumps(huge) + "\n"))
    huge = {**record, "memory_limit_bytes": 10**400 + 1}
    assert "memory limit" in error_of(write(tmp_path / "m.jsonl", json.dumps(huge) + "\n"))


# --- named pipes and other files that are not regular --------------------------------------


def load_without_hanging(path: Path, **kwargs: object) -> str:
    """The ProblemError message loading `path` gives, failing (not hanging) when a loader
    blocks on a named pipe: the pipes are then opened for writing to let the loader go."""
    outcome: dict[str, BaseException | None] = {}

    def load() -> None:
        try:
            load_problem(path, **kwargs)  # type: ignore[arg-type]
            outcome["error"] = None
        except BaseException as error:  # noqa: BLE001 - reported below
            outcome["error"] = error

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():
        for fifo in [path, *path.rglob("*")] if path.is_dir() else [path]:
            if fifo.is_fifo():
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=10)
        pytest.fail(f"loading {path} blocked on a named pipe")
    error = outcome["error"]
    assert isinstance(error, ProblemError), f"expected a ProblemError, got {error!r}"
    assert "\n" not in str(error)
    return str(error)


@pytest.mark.parametrize("fmt", [None, "markdown", "kattis", "codeforces", "companion", "oj",
                                 "codecontests"])
def test_a_named_pipe_as_the_problem(tmp_path: Path, fmt: str | None) -> None:
    fifo = tmp_path / "problem.md"
    os.mkfifo(fifo)
    assert load_without_hanging(fifo, format=fmt) == f"{fifo}: not a regular file (a named pipe)"
    assert "not a regular file" in load_without_hanging(Path(f"{fifo}#0"), format=fmt)


@pytest.mark.parametrize(
    ("fixture", "pipe"),
    [
        ("markdown", "problem.md"),
        ("markdown", "data/secret/01.in"),
        ("markdown", "data/secret/01.ans"),
        ("markdown", "checker.py"),
        ("kattis", "problem.yaml"),
        ("kattis", ".timelimit"),
        ("kattis", "problem_statement/problem.en.tex"),
        ("kattis", "data/sample/1.in"),
        ("kattis", "data/sample/1.ans"),
        ("kattis", "data/secret/99.in"),
        ("kattis", "output_validators/check/check.cpp"),
        ("kattis", "output_validators/check/testlib.h"),
        ("oj", "statement.md"),
        ("oj", "test/sample-1.in"),
        ("oj", "test/sample-1.out"),
    ],
)
def test_a_named_pipe_inside_a_problem_folder(tmp_path: Path, fixture: str, pipe: str) -> None:
    folder = copy_fixture(tmp_path, fixture)
    fifo = folder / pipe
    fifo.parent.mkdir(parents=True, exist_ok=True)
    if fifo.exists():
        fifo.unlink()
    if fifo.name == "99.in":
        write(fifo.with_suffix(".ans"), "1\n")
    if fifo.name == "testlib.h":
        write(fifo.parent / "check.cpp", "int main() {}\n")
    os.mkfifo(fifo)
    assert load_without_hanging(folder) == f"{fifo}: not a regular file (a named pipe)"


def test_a_folder_named_like_a_test_is_not_a_test(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path, "kattis")
    (folder / "data" / "sample" / "extra.in").mkdir()
    assert len(load_problem(folder).examples) == 2


# --- YAML that is valid but no title ------------------------------------------------------


def test_yaml_alias_bomb_as_a_title_is_refused(tmp_path: Path) -> None:
    anchors = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    anchors += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    front_matter = "\n".join([*anchors, "title: *a8"])
    md = write(tmp_path / "bomb.md", f"---\n{front_matter}\n---\n{EXAMPLES}")
    assert error_of(md) == f"{md}: the title must be text, got a list"


def test_unhashable_yaml_key(tmp_path: Path) -> None:
    md = write(tmp_path / "key.md", f"---\ntitle: T\n? [a, b]\n: 1\n---\n{EXAMPLES}")
    assert "malformed YAML" in error_of(md) and "unhashable" in error_of(md)


def test_companion_data_of_the_wrong_shape(tmp_path: Path) -> None:
    as_text = write(tmp_path / "io.json", json.dumps(companion_json(input="stdin")))
    assert "'input' must be an object" in error_of(as_text)
    surrogate = write(tmp_path / "s.json", json.dumps(companion_json(name="A. X\ud800")))
    assert "lone surrogate" in error_of(surrogate)


# --- what the Markdown writer saves always loads back -----------------------------------------

HOSTILE_TITLES = [
    "Sum\n---\ntitle: evil", "a\n...\nb", "---", "...", "key: value # comment", "'single'",
    '"double"', "back\\slash", "- dash", "? question", "&anchor", "*alias", "!tag", "%directive",
    "@at", "`tick", "|pipe", ">fold", "#hash", "yes", "null", "~", "123", "1e3", "0x1F",
    "tab\there", "nul\x00x", "bell\x07", "escape\x1b[31mred", "carriage\rreturn", "crlf\r\nend",
    "next\x85line", "line\u2028separator", "paragraph\u2029separator", "bom\ufeffinside",
    "emoji 😀", "accent é\u0301", "private \ue000", "last \U0010ffff", "\u202eright-to-left",
    "x" * 5000 + " --- " + "y" * 5000, "w " * 3000 + "end", "a\n\n\nb",
]  # fmt: skip


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_saved_markdown_loads_back_for_hostile_titles(tmp_path: Path, title: str) -> None:
    problem = Problem(
        id="p", title=title, statement="",
        examples=[TestCase("sample/1", b"1 2\n", b"3\n"), TestCase("sample/2", b"```\n", b"\n")],
        time_limit_s=1.5, memory_limit_mb=512, url=f"https://example.com/{title}",
    )
    again = load_problem(save_markdown(problem, tmp_path / "p"))
    assert (again.title, again.examples, again.time_limit_s, again.memory_limit_mb, again.url) == (
        problem.title, problem.examples, 1.5, 512, problem.url,
    )
    front_matter = to_markdown(problem).split("\n---\n")[0]
    assert len(front_matter.splitlines()) == 5  # ---, title, limits, url: one line each
