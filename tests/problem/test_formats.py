"""The problem formats: one problem written in all six loads identically; each format's quirks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from solver.problem import Problem, TestCase, load_problem, problem_as_json
from solver.problem.formats.common import MAX_FILE_BYTES
from solver.problem.formats.markdown import save_markdown, to_markdown
from tests.conftest import REPO, error_of, write

FIXTURES = REPO / "tests" / "fixtures" / "formats" / "sum-of-two"
SUM_OF_TWO = REPO / "problems" / "sum-of-two"
# Each format's file or folder, and its format's name.
SIX = {
    "markdown": FIXTURES / "markdown",
    "kattis": FIXTURES / "kattis",
    "codeforces": FIXTURES / "codeforces.html",
    "companion": FIXTURES / "companion.json",
    "oj": FIXTURES / "oj",
    "codecontests": FIXTURES / "codecontests.jsonl",
}
NO_STATEMENT = {"companion"}  # the extension sends none
NO_HIDDEN = {"codeforces", "companion"}  # a page or the extension has only the examples


def words(statement: str) -> str:
    """The statement's meaning: headings' markup, spacing and ≤/<= spelling set aside."""
    text = statement.replace("≤", "<=").replace("≥", ">=")
    return re.sub(r"[#\s]+", " ", text).strip()


# --- the same problem in six formats --------------------------------------------------------


@pytest.fixture(scope="module")
def six() -> dict[str, Problem]:
    return {fmt: load_problem(path) for fmt, path in SIX.items()}


def test_each_fixture_is_detected_as_its_format(six: dict[str, Problem]) -> None:
    assert {fmt: p.source_format for fmt, p in six.items()} == {fmt: fmt for fmt in SIX}


def test_six_formats_load_the_same_problem(six: dict[str, Problem]) -> None:
    reference = load_problem(SUM_OF_TWO)
    hidden = [(t.input, t.output) for t in reference.hidden]
    assert len(hidden) == 11
    for fmt, p in six.items():
        assert p.title == "Sum of Two", fmt
        assert (p.time_limit_s, p.memory_limit_mb) == (1.0, 256), fmt
        assert [(t.input, t.output) for t in p.examples] == [
            (t.input, t.output) for t in reference.examples
        ], fmt
        assert p.checker == reference.checker, fmt
        assert p.url == "https://codeforces.com/problemset/problem/9999/A", fmt
        if fmt in NO_STATEMENT:
            assert p.statement == "", fmt
        else:
            assert words(p.statement) == words(reference.statement), fmt
        assert [(t.input, t.output) for t in p.hidden] == ([] if fmt in NO_HIDDEN else hidden), fmt


def test_forced_format_agrees_with_detection() -> None:
    for fmt, path in SIX.items():
        assert load_problem(path, format=fmt).source_format == fmt
        assert load_problem(path, format=fmt.upper()).source_format == fmt


@pytest.mark.parametrize("fmt", list(SIX))
def test_saved_markdown_loads_back_the_same(fmt: str, tmp_path: Path) -> None:
    original = load_problem(SIX[fmt])
    folder = save_markdown(original, tmp_path / original.id)
    again = load_problem(folder)
    assert again.source_format == "markdown"
    for name in ("title", "statement", "time_limit_s", "memory_limit_mb", "checker", "url"):
        assert getattr(again, name) == getattr(original, name), name
    for tests in ("examples", "hidden"):
        assert [(t.input, t.output) for t in getattr(again, tests)] == [
            (t.input, t.output) for t in getattr(original, tests)
        ], tests


def test_markdown_writer_fences_backticks_and_flags(tmp_path: Path) -> None:
    from sandbox.checkers import ValidatorFlags

    problem = Problem(
        id="p", title="Ticks: `x`", statement="Print ``` as is.\n",
        examples=[TestCase("sample/1", b"```\n", b"````\n")],
        checker=ValidatorFlags.parse("case_sensitive float_absolute_tolerance 1e-6"),
    )
    write(tmp_path / "p.md", to_markdown(problem))
    again = load_problem(tmp_path / "p.md")
    assert (again.title, again.statement, again.examples) == (
        problem.title, problem.statement, problem.examples,
    )
    assert again.checker == problem.checker


def test_problem_as_json_keys(six: dict[str, Problem]) -> None:
    shown = problem_as_json(six["kattis"])
    assert list(shown) == [
        "title", "time_limit_s", "memory_limit_mb", "statement", "examples", "hidden_tests",
        "checker", "url",
    ]
    assert shown["examples"][0] == {"input": "3 5\n", "output": "8\n"}
    assert shown["hidden_tests"] == 11
    assert shown["checker"]["case_sensitive"] is False
    json.dumps(shown)  # plain data


# --- Codeforces HTML ------------------------------------------------------------------------

OLD_PAGE = """<html><head><link rel="canonical" href="https://codeforces.com/contest/1/problem/B">
</head><body><div class="problem-statement"><div class="header"><div class="title">B. Pairs</div>
<div class="time-limit"><div class="property-title">ограничение по времени на тест</div>
2 секунды</div><div class="memory-limit"><div class="property-title">ограничение по памяти на
тест</div>512 мегабайт</div></div>
<div><p>Given <span class="MathJax_Preview">n</span><span class="MathJax"
id="MathJax-Element-1-Frame" role="presentation"><nobr>rendered n</nobr></span>
<script type="math/tex" id="MathJax-Element-1">n</script> pairs, where
<script type="math/tex">1 \\le n \\le 10^5</script>:</p>
<ul><li>print them</li><li>in <b>order</b></li></ul>
<center><img src="pic.png"></center></div>
<div class="input-specification"><div class="section-title">Input</div><p>Lines.</p></div>
<div class="output-specification"><div class="section-title">Output</div><p>Lines.</p></div>
<div class="sample-tests"><div class="section-title">Examples</div><div class="sample-test">
<div class="input"><div class="title">Input</div><pre>2<br />1 2<br />3 4<br /></pre></div>
<div class="output"><div class="title">Output</div><pre>
1 2
3 4
</pre></div></div></div>
<div class="note"><div class="section-title">Note</div><p>Easy.</p></div></div></body></html>
"""


def test_codeforces_older_markup_math_and_note(tmp_path: Path) -> None:
    p = load_problem(write(tmp_path / "Problem - B - Codeforces.html", OLD_PAGE))
    assert p.title == "Pairs"
    assert (p.time_limit_s, p.memory_limit_mb) == (2.0, 512)
    assert p.url == "https://codeforces.com/contest/1/problem/B"
    assert p.examples == [TestCase("sample/1", b"2\n1 2\n3 4\n", b"1 2\n3 4\n")]
    assert p.statement == (
        "Given n pairs, where 1 <= n <= 10^5:\n\n- print them\n- in order\n\n## Input\n\nLines.\n\n"
        "## Output\n\nLines.\n\n## Note\n\nEasy.\n"
    )
    assert "rendered" not in p.statement


def test_codeforces_newer_multiline_markup(tmp_path: Path) -> None:
    lines = "".join(
        f'<div class="test-example-line test-example-line-{i % 2}">{text}</div>'
        for i, text in enumerate(["2", "1 2", "3 4"])
    )
    page = OLD_PAGE.replace("<pre>2<br />1 2<br />3 4<br /></pre>", f"<pre>{lines}</pre>")
    p = load_problem(write(tmp_path / "p.html", page))
    assert p.examples[0].input == b"2\n1 2\n3 4\n"


def test_codeforces_errors(tmp_path: Path) -> None:
    other = write(tmp_path / "other.html", "<html><body><p>Hello</p></body></html>")
    assert "not a Codeforces problem page" in error_of(other)
    without = re.sub(r'<div class="sample-tests">.*?</div></div></div>', "", OLD_PAGE,
                     flags=re.DOTALL)
    no_samples = write(tmp_path / "ns.html", without)
    assert "no examples" in error_of(no_samples)
    absurd = write(tmp_path / "absurd.html", OLD_PAGE.replace("512 мегабайт", "4 мегабайт"))
    assert "absurd.html" in error_of(absurd) and "memory limit" in error_of(absurd)
    garbled = write(tmp_path / "garbled.html", OLD_PAGE.replace("2 секунды", "two seconds"))
    assert "time limit" in error_of(garbled)


# --- competitive-companion ------------------------------------------------------------------


def companion(**changes: object) -> dict:
    data = json.loads((FIXTURES / "companion.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"interactive": True}, "interactive"),
        ({"tests": []}, "no examples"),
        ({"tests": [{"input": "1"}]}, "tests"),
        ({"timeLimit": 0}, "time limit"),
        ({"timeLimit": 3_600_000}, "time limit"),
        ({"memoryLimit": 1}, "memory limit"),
        ({"input": {"type": "file", "fileName": "in.txt"}}, "standard I/O"),
    ],
)
def test_companion_bad_data(tmp_path: Path, changes: dict, needle: str) -> None:
    path = write(tmp_path / "p.json", json.dumps(companion(**changes)))
    msg = error_of(path)
    assert needle in msg and "p.json" in msg


def test_json_errors(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.json", '{"name": "x",\n "tests": [}')
    assert "broken.json line 2" in error_of(broken) and "malformed JSON" in error_of(broken)
    unknown = write(tmp_path / "what.json", '{"hello": 1}')
    assert "unknown problem format" in error_of(unknown)
    latin = write(tmp_path / "latin.json", '{"name": "Caf\xe9"}'.encode("latin-1"))
    assert "latin.json" in error_of(latin) and "UTF-8" in error_of(latin)


# --- online-judge-tools ---------------------------------------------------------------------


def oj_folder(tmp_path: Path, count: int = 11) -> Path:
    for n in range(1, count + 1):
        write(tmp_path / "abc" / "test" / f"sample-{n}.in", f"{n}\n")
        write(tmp_path / "abc" / "test" / f"sample-{n}.out", f"{n * 2}\n")
    return tmp_path / "abc"


def test_oj_numeric_order_and_plain_statement(tmp_path: Path) -> None:
    folder = oj_folder(tmp_path)
    write(folder / "statement.txt", "Double the number.\n")
    p = load_problem(folder)
    assert [t.name for t in p.examples][:3] == ["sample/sample-1", "sample/sample-2",
                                                "sample/sample-3"]
    assert p.examples[-1] == TestCase("sample/sample-11", b"11\n", b"22\n")
    assert (p.title, p.statement, p.hidden) == ("abc", "Double the number.\n", [])
    assert (p.time_limit_s, p.memory_limit_mb) == (2.0, 256)


def test_oj_with_a_saved_codeforces_page(tmp_path: Path) -> None:
    folder = oj_folder(tmp_path, count=1)
    write(folder / "problem.html", OLD_PAGE)
    p = load_problem(folder)
    assert (p.title, p.time_limit_s, p.memory_limit_mb) == ("Pairs", 2.0, 512)
    assert p.examples == [TestCase("sample/sample-1", b"1\n", b"2\n")]  # test/ wins
    assert p.statement.startswith("Given n pairs")


def test_oj_markdown_heading_title(tmp_path: Path) -> None:
    folder = oj_folder(tmp_path, count=1)
    write(folder / "README.md", "# Doubling\n\nDouble it.\n")
    p = load_problem(folder)
    assert (p.title, p.statement) == ("Doubling", "Double it.\n")


def test_oj_errors(tmp_path: Path) -> None:
    folder = oj_folder(tmp_path, count=1)
    (folder / "test" / "sample-1.out").unlink()
    msg = error_of(folder)
    assert "sample-1.in" in msg and "sample-1.out" in msg
    empty = tmp_path / "empty"
    (empty / "test").mkdir(parents=True)
    assert "no examples" in error_of(empty)


# --- CodeContests ---------------------------------------------------------------------------


def record(**changes: object) -> dict:
    line = (FIXTURES / "codecontests.jsonl").read_text(encoding="utf-8").splitlines()[0]
    data = json.loads(line)
    data.update(changes)
    return data


def test_codecontests_fields(six: dict[str, Problem]) -> None:
    p = six["codecontests"]
    assert p.id == "9999-a-sum-of-two"
    assert "Examples" not in p.statement and "3 5" not in p.statement
    assert [t.name for t in p.hidden][:1] == ["private/1"]
    assert [t.name for t in p.hidden][-1] == "generated/5"


def test_codecontests_record_selection(tmp_path: Path) -> None:
    records = [record(name="1_A. First"), record(name="2_B. Second")]
    path = write(tmp_path / "train.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    msg = error_of(path)
    assert "holds more than one record" in msg and "train.jsonl#" in msg
    assert load_problem(f"{path}#1").title == "Second"
    assert load_problem(f"{path}#1_A. First").title == "First"
    assert "no record #5 (the file holds 2)" in error_of(Path(f"{path}#5"))
    assert "no record named" in error_of(Path(f"{path}#nope"))
    as_list = write(tmp_path / "one.json", json.dumps([record()]))
    assert load_problem(as_list).title == "Sum of Two"


def test_codecontests_limits(tmp_path: Path) -> None:
    mib = write(tmp_path / "a.json", json.dumps(record(
        memory_limit_bytes=64 * 2**20, time_limit={"seconds": 0, "nanos": 500_000_000})))
    p = load_problem(mib)
    assert (p.time_limit_s, p.memory_limit_mb) == (0.5, 64)
    unknown = write(tmp_path / "b.json", json.dumps(record(memory_limit_bytes=0, time_limit=None)))
    assert (load_problem(unknown).time_limit_s, load_problem(unknown).memory_limit_mb) == (2.0, 256)


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"public_tests": {"input": [], "output": []}}, "no examples"),
        ({"private_tests": {"input": ["1\n"], "output": []}}, "1 inputs but 0 outputs"),
        ({"time_limit": {"seconds": 600, "nanos": 0}}, "time limit"),
        ({"memory_limit_bytes": 1000}, "memory limit"),
        ({"memory_limit_bytes": "lots"}, "memory_limit_bytes"),
        ({"description": None}, "description"),
    ],
)
def test_codecontests_bad_records(tmp_path: Path, changes: dict, needle: str) -> None:
    msg = error_of(write(tmp_path / "r.json", json.dumps(record(**changes))))
    assert needle in msg and "r.json" in msg


# --- shared bad-input behaviour -------------------------------------------------------------


def test_contradictory_front_matter(tmp_path: Path) -> None:
    md = write(tmp_path / "p.md", "---\ntitle: T\ntime_limit: 1\ntime_limit: 3\n---\n"
                                  "```input\n1\n```\n```output\n1\n```\n")
    msg = error_of(md)
    assert "p.md line 4" in msg and "contradictory" in msg and "time_limit" in msg


@pytest.mark.parametrize("name", ["huge.json", "huge.html", "huge.md"])
def test_huge_statement_file(tmp_path: Path, name: str) -> None:
    huge = tmp_path / name
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no real disk use
    msg = error_of(huge)
    assert name in msg and "MiB limit" in msg


def test_jsonl_is_read_a_record_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "split.jsonl"
    good = json.dumps(record(name="1_A. First")) + "\n"
    with path.open("wb") as handle:
        handle.write(good.encode())
        handle.seek(len(good) + MAX_FILE_BYTES + 10)  # sparse, oversized: a huge dataset split
        handle.write(b"\n")
    assert load_problem(f"{path}#0").title == "First"  # found without reading the rest
    msg = error_of(Path(f"{path}#1"))
    assert "split.jsonl line 2" in msg and "MiB limit" in msg
    bad = write(tmp_path / "bad.jsonl", good + '{"name": \n' + good)
    assert "bad.jsonl line 2: malformed JSON" in error_of(Path(f"{bad}#2"))


def test_record_selector_only_for_codecontests(tmp_path: Path) -> None:
    assert "#record" in error_of(Path(f"{SIX['companion']}#1"))
