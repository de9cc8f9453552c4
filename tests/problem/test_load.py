"""Tests for the problem loaders (Markdown and Kattis) and the LaTeX-to-text conversion."""

from __future__ import annotations

from pathlib import Path

import pytest

from solver.problem import (
    Problem,
    ProblemError,
    TestCase,
    load_problem,
)
from solver.problem.formats.common import MAX_FILE_BYTES
from solver.problem.formats.latex import latex_to_text
from tests.conftest import REPO, error_of, write

PROBLEMS = REPO / "problems"
BENCH = REPO.parent / "shared" / "bench"

MD = """\
---
title: Sum of Two
time_limit: 1.5
memory_limit: 128
url: https://example.com/p/1
---

Add two numbers.

## Input

Two integers a and b.

```text
not an example: stays in the statement
```

## Output

Their sum.

## Examples

```input
1 2
```

```output
3
```

```input
-1 1
```

```output
0
```
"""


def md_problem(tmp_path: Path, text: str = MD, name: str = "sum") -> Path:
    write(tmp_path / name / "problem.md", text)
    return tmp_path / name


def kattis(
    tmp_path: Path,
    *,
    tex: str | None = "\\problemname{Bank Queue}\n\nHello $N$.\n",
    yaml_text: str | None = "name: Yaml Name\n",
    timelimit: str | None = "3\n",
    samples: dict[str, tuple[str, str]] | None = None,
    name: str = "bank",
) -> Path:
    root = tmp_path / name
    root.mkdir(parents=True)
    if tex is not None:
        write(root / "problem_statement" / "problem.en.tex", tex)
    if yaml_text is not None:
        write(root / "problem.yaml", yaml_text)
    if timelimit is not None:
        write(root / ".timelimit", timelimit)
    for stem, (inp, ans) in (samples if samples is not None else {"1": ("1\n", "2\n")}).items():
        write(root / "data" / "sample" / f"{stem}.in", inp)
        write(root / "data" / "sample" / f"{stem}.ans", ans)
    return root


def text(tex: str) -> str:
    return latex_to_text(tex)[0]


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_front_matter_and_examples(tmp_path: Path) -> None:
    p = load_problem(md_problem(tmp_path))
    assert isinstance(p, Problem)
    assert p.id == "sum"
    assert p.title == "Sum of Two"
    assert p.time_limit_s == 1.5
    assert p.memory_limit_mb == 128
    assert p.url == "https://example.com/p/1"
    assert p.source_format == "markdown"
    assert p.path == tmp_path / "sum"
    assert p.examples == [
        TestCase("sample/1", b"1 2\n", b"3\n"),
        TestCase("sample/2", b"-1 1\n", b"0\n"),
    ]
    assert p.hidden == []


def test_markdown_statement_keeps_markdown_but_not_examples(tmp_path: Path) -> None:
    st = load_problem(md_problem(tmp_path)).statement
    assert st.startswith("Add two numbers.")
    assert "## Input" in st and "## Output" in st
    assert "```text\nnot an example: stays in the statement\n```" in st
    assert "```input" not in st and "```output" not in st and "1 2" not in st
    assert "## Examples" not in st  # left empty once the examples are taken out
    assert "\n\n\n" not in st


def test_markdown_defaults_and_flags(tmp_path: Path) -> None:
    body = MD.split("---\n", 2)[2]
    folder = md_problem(
        tmp_path, "---\ntitle: T\nvalidator_flags: float_absolute_tolerance 1e-6\n---\n" + body
    )
    p = load_problem(folder)
    assert p.time_limit_s == 2.0
    assert p.memory_limit_mb == 256
    assert p.url is None
    assert p.checker.float_absolute_tolerance == 1e-6


def test_markdown_hidden_tests_sorted(tmp_path: Path) -> None:
    folder = md_problem(tmp_path)
    for stem in ("10", "02", "01"):
        write(folder / "data" / "secret" / f"{stem}.in", f"in{stem}\n")
        write(folder / "data" / "secret" / f"{stem}.ans", f"ans{stem}\n")
    p = load_problem(folder)
    assert [t.name for t in p.hidden] == ["secret/01", "secret/02", "secret/10"]
    assert p.hidden[0] == TestCase("secret/01", b"in01\n", b"ans01\n")


def test_markdown_file_not_named_problem_md(tmp_path: Path) -> None:
    f = write(tmp_path / "stuff" / "my-task.md", MD)
    p = load_problem(f)
    assert p.id == "my-task"
    assert p.path == f
    # a .md path is Markdown whatever the folder holds
    assert load_problem(str(f)).title == "Sum of Two"


def test_markdown_code_blocks_are_kept_verbatim(tmp_path: Path) -> None:
    body = (
        "---\ntitle: T\n---\n# Task\n\nText.\n\n```python\n# a comment\n\n\n# another\n```\n\n\n\n"
        "## Examples\n\n```input\n1\n```\n```output\n2\n```\n"
    )
    st = load_problem(md_problem(tmp_path, body)).statement
    assert st == "# Task\n\nText.\n\n```python\n# a comment\n\n\n# another\n```\n"


def test_markdown_multiline_example_and_crlf(tmp_path: Path) -> None:
    body = "---\ntitle: T\n---\nS\n\n~~~input\n2\n1 2\n~~~\n\n````output\n```\n3\n````\n"
    p = load_problem(md_problem(tmp_path, body.replace("\n", "\r\n")))
    assert p.examples == [TestCase("sample/1", b"2\n1 2\n", b"```\n3\n")]
    assert p.statement == "S\n"


# --- format detection -----------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["problem.yaml", "problem_statement", "data/sample"])
def test_detects_kattis_by_any_marker(tmp_path: Path, marker: str) -> None:
    root = tmp_path / "pkg"
    if marker == "problem.yaml":
        write(root / "problem.yaml", "name: X\n")
    else:
        (root / marker).mkdir(parents=True)
    msg = error_of(root)  # detected as Kattis, then fails on what the package lacks
    assert "unknown problem format" not in msg
    assert "no statement" in msg or "no examples" in msg
    write(root / "problem_statement" / "problem.tex", "Hi.\n")
    write(root / "data" / "sample" / "1.in", "1\n")
    write(root / "data" / "sample" / "1.ans", "1\n")
    assert load_problem(root).source_format == "kattis"


def test_problem_md_wins_over_kattis_files(tmp_path: Path) -> None:
    folder = md_problem(tmp_path)
    write(folder / "problem.yaml", "name: ignored\n")
    assert load_problem(folder).source_format == "markdown"
    with pytest.raises(ProblemError, match="problem_statement"):
        load_problem(folder, format="kattis")  # forced: no statement in the package


def test_forced_format(tmp_path: Path) -> None:
    folder = md_problem(tmp_path)
    assert load_problem(folder, format="markdown").title == "Sum of Two"
    root = kattis(tmp_path)
    assert load_problem(root / "problem.yaml").source_format == "kattis"
    assert load_problem(root, format="kattis").id == "bank"
    assert "problem.md" in error_of(root, format="markdown")


# --- Kattis ---------------------------------------------------------------------------------


def test_kattis_basic(tmp_path: Path) -> None:
    root = kattis(
        tmp_path,
        yaml_text="name: Yaml Name\nvalidator_flags: float_absolute_tolerance 1e-6\n",
        samples={"b": ("2\n", "4\n"), "a": ("1\n", "2\n")},
    )
    write(root / "data" / "secret" / "g2" / "x.in", "x")
    write(root / "data" / "secret" / "g2" / "x.ans", "X")
    write(root / "data" / "secret" / "g1" / "y.in", "y")
    write(root / "data" / "secret" / "g1" / "y.ans", "Y")
    write(root / "data" / "secret" / "top.in", "t")
    write(root / "data" / "secret" / "top.ans", "T")
    p = load_problem(root)
    assert p.id == "bank"
    assert p.title == "Bank Queue"
    assert p.statement == "Hello N.\n"
    assert p.time_limit_s == 3.0
    assert p.memory_limit_mb == 1024
    assert p.url is None
    assert p.source_format == "kattis"
    assert p.path == root
    assert p.checker.float_absolute_tolerance == 1e-6
    assert [(t.name, t.input, t.output) for t in p.examples] == [
        ("sample/a", b"1\n", b"2\n"),
        ("sample/b", b"2\n", b"4\n"),
    ]
    assert [t.name for t in p.hidden] == ["secret/g1/y", "secret/g2/x", "secret/top"]
    assert p.hidden[0].output == b"Y"


def test_kattis_limits_from_yaml_and_defaults(tmp_path: Path) -> None:
    root = kattis(tmp_path, timelimit=None, yaml_text="limits:\n  time_limit: 4.5\n  memory: 512\n")
    p = load_problem(root)
    assert (p.time_limit_s, p.memory_limit_mb) == (4.5, 512)
    bare = kattis(tmp_path, timelimit=None, yaml_text=None, name="bare")
    p = load_problem(bare)
    assert (p.time_limit_s, p.memory_limit_mb) == (2.0, 1024)
    assert p.checker == type(p.checker)()  # default validator settings


def test_kattis_timelimit_without_newline_wins_over_yaml(tmp_path: Path) -> None:
    root = kattis(tmp_path, timelimit="6", yaml_text="limits:\n  time_limit: 1\n")
    assert load_problem(root).time_limit_s == 6.0


def test_kattis_title_fallbacks(tmp_path: Path) -> None:
    assert load_problem(kattis(tmp_path, tex="No name here.\n", name="a")).title == "Yaml Name"
    nameless = kattis(tmp_path, tex="No name.\n", yaml_text="author: X\n", name="plain")
    assert load_problem(nameless).title == "plain"
    multi = kattis(tmp_path, tex="x\n", yaml_text="name:\n  en: English\n  sv: Svenska\n", name="m")
    assert load_problem(multi).title == "English"


def test_kattis_problem_tex_when_no_english_file(tmp_path: Path) -> None:
    root = kattis(tmp_path, tex=None)
    write(root / "problem_statement" / "problem.tex", "\\problemname{Other}\nText.\n")
    p = load_problem(root)
    assert (p.title, p.statement) == ("Other", "Text.\n")


# --- LaTeX to text --------------------------------------------------------------------------


def test_latex_title_and_sections() -> None:
    body, title = latex_to_text(
        "\\problemname{Bank \\emph{Queue}}\nIntro\ntext.\n\n\\section*{Input}\nOne line.\n"
        "\\section{Output}\nA number.\n"
    )
    assert title == "Bank Queue"
    assert body == "Intro text.\n\nInput\n\nOne line.\n\nOutput\n\nA number.\n"


@pytest.mark.parametrize(
    ("tex", "want"),
    [
        ("$1 \\leq N \\le 10$", "1 <= N <= 10"),
        ("$x\\geq y \\ge z$", "x >= y >= z"),
        ("$a \\neq b$, $a \\ne b$, $a \\not= b$", "a != b, a != b, a != b"),
        ("$a \\cdot b$", "a * b"),
        ("$n \\times m$", "n x m"),
        ("$1, \\ldots, n$ and $\\dots$ and $\\cdots$", "1, ..., n and ... and ..."),
        ("$N \\leq 10\\,000$", "N <= 10000"),
        ("$1 \\, 000$ and 10\\,000", "1000 and 10000"),
        ("$a\\,b$", "a b"),
        ("$10^{9}$ and $a_i$ and $x^{n-1}$ and $a_{i+1}$", "10^9 and a_i and x^(n-1) and a_(i+1)"),
        ("$\\{a, b\\}$", "{a, b}"),
        ("$\\frac{n(n-1)}{2}$ and $\\frac{a+b}{2}$", "n(n-1)/2 and (a+b)/2"),
        ("$\\sqrt{2}$", "sqrt(2)"),
        ("$i^{\\textrm{th}}$", "i^th"),
        ("$\\ell_1$", "\N{SCRIPT SMALL L}_1"),
        ("\\emph{x} \\textbf{y} \\texttt{z} \\textit{w} {\\tt `L'}", "x y z w 'L'"),
        ("print ``\\verb|yes|''", 'print "yes"'),
        ("rates of $42\\%$ and 5\\% % a comment\nmore", "rates of 42% and 5% more"),
        ("a%\nb", "ab"),
        ("one % note\n\ntwo", "one\n\ntwo"),
        ("a~b", "a b"),
        ("one\\\\two", "one\ntwo"),
        ("\\href{http://x.y/%20}{Picture} by me", "Picture by me"),
        ("Bj\\\"{o}rn and \\'e", "Björn and é"),
    ],
)
def test_latex_inline_conversions(tex: str, want: str) -> None:
    assert text(tex) == want + "\n"


def test_latex_drops_images_and_figures() -> None:
    tex = (
        "\\problemname{P}\n"
        "\\illustration{.4}{queue.jpg}{Photo by \\href{http://a}{Someone}}%\n"
        "\\noindent\nFirst paragraph.\n\n"
        "\\begin{figure}[h]\n  \\begin{center}\n    \\includegraphics[width=0.7\\textwidth]{f}\n"
        "    \\caption{Secret caption}\n    \\label{fig:one}\n  \\end{center}\n\\end{figure}\n\n"
        "See Figure~\\ref{fig:one}.\n\n"
        "\\begin{center}\n\\includegraphics[width=0.8\\textwidth]{chla.pdf}\n\\end{center}\n\n"
        "Last.\n"
    )
    got = text(tex)
    assert got == "First paragraph.\n\nSee Figure (not shown).\n\nLast.\n"


def test_latex_two_argument_illustration_keeps_next_paragraph() -> None:
    assert text("\\illustration{.4}{queue.jpg}\n\nOliver is here.\n") == "Oliver is here.\n"


def test_latex_lists() -> None:
    tex = (
        "Rules:\n\\begin{itemize}\n  \\item first\n  rule\n  \\item second\n\\end{itemize}\n"
        "Steps:\n\\begin{enumerate}\n\\item one\n\\item two\n\\end{enumerate}\nDone."
    )
    assert text(tex) == "Rules:\n\n- first rule\n- second\n\nSteps:\n\n- one\n- two\n\nDone.\n"


def test_latex_verbatim_keeps_layout() -> None:
    tex = "Grid:\n\\begin{verbatim}\n#..#\n  50% x\n\\end{verbatim}\nEnd \\verb|a  b|."
    assert text(tex) == "Grid:\n\n#..#\n  50% x\n\nEnd a  b.\n"


def test_latex_display_math_and_unknown_commands() -> None:
    got = text("Let\n\\[ x \\le y \\]\nand \\unknowncmd{kept} words.")
    assert got == "Let\nx <= y\nand kept words.\n"


# --- errors ---------------------------------------------------------------------------------


def test_error_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    assert str(missing) in error_of(missing)


def test_error_unknown_format(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    msg = error_of(tmp_path / "empty")
    assert "unknown problem format" in msg and "empty" in msg
    txt = write(tmp_path / "notes.txt", "hi")
    assert "unknown problem format" in error_of(txt)
    assert "'latex'" in error_of(md_problem(tmp_path), format="latex")


def test_error_no_examples(tmp_path: Path) -> None:
    folder = md_problem(tmp_path, "---\ntitle: T\n---\nJust text.\n")
    msg = error_of(folder)
    assert "no examples" in msg and "problem.md" in msg
    root = kattis(tmp_path, samples={})
    msg = error_of(root)
    assert "no examples" in msg and "sample" in msg


def test_error_unpaired_example_blocks(tmp_path: Path) -> None:
    lone_in = md_problem(tmp_path, "---\ntitle: T\n---\n```input\n1\n```\n", name="a")
    assert "line 4" in error_of(lone_in) and "no output block" in error_of(lone_in)
    two_in = "---\ntitle: T\n---\n```input\n1\n```\n```input\n2\n```\n```output\n3\n```\n"
    assert "no output block" in error_of(md_problem(tmp_path, two_in, name="b"))
    lone_out = md_problem(tmp_path, "---\ntitle: T\n---\n```output\n1\n```\n", name="c")
    assert "no input block" in error_of(lone_out)
    unclosed = md_problem(tmp_path, "---\ntitle: T\n---\n```input\n1\n", name="d")
    assert "never closed" in error_of(unclosed)


def test_error_non_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "latin1"
    write(folder / "problem.md", "---\ntitle: Café\n---\n".encode("latin-1"))
    msg = error_of(folder)
    assert "problem.md" in msg and "UTF-8" in msg
    root = kattis(tmp_path, tex=None)
    write(root / "problem_statement" / "problem.en.tex", b"\\problemname{Caf\xe9}\n")
    msg = error_of(root)
    assert "problem.en.tex" in msg and "UTF-8" in msg


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("title: T\n---\nbody\n", "front matter"),  # no opening ---
        ("---\ntitle: T\nbody\n", "not closed"),
        ("---\ntitle: [unclosed\n---\nbody\n", "malformed YAML"),
        ("---\n- a list\n---\nbody\n", "mapping"),
        ("---\ntime_limit: 1\n---\nbody\n", "title"),
        ("---\ntitle: T\ntime_limit: fast\n---\nbody\n", "time limit"),
        ("---\ntitle: T\nmemory_limit: 256MB\n---\nbody\n", "memory limit"),
        ("---\ntitle: T\nvalidator_flags: fuzzy_match\n---\nbody\n", "validator_flags"),
    ],
)
def test_error_malformed_front_matter(tmp_path: Path, content: str, needle: str) -> None:
    msg = error_of(md_problem(tmp_path, content))
    assert needle in msg and "problem.md" in msg


def test_error_malformed_problem_yaml(tmp_path: Path) -> None:
    root = kattis(tmp_path, yaml_text="name: [oops\nlimits: 3\n")
    msg = error_of(root)
    assert "problem.yaml" in msg and "malformed YAML" in msg
    bad_limits = kattis(tmp_path, yaml_text="limits: 3\n", name="b")
    assert "limits" in error_of(bad_limits)
    bad_time = kattis(tmp_path, timelimit="soon\n", name="c")
    assert ".timelimit" in error_of(bad_time)


@pytest.mark.parametrize(
    ("field", "value"),
    [("time_limit", 0), ("time_limit", -1), ("time_limit", 61), ("time_limit", ".nan"),
     ("memory_limit", 8), ("memory_limit", 100000), ("time_limit", "true")],
)  # fmt: skip
def test_error_absurd_markdown_limits(tmp_path: Path, field: str, value: object) -> None:
    content = f"---\ntitle: T\n{field}: {value}\n---\n```input\n1\n```\n```output\n1\n```\n"
    msg = error_of(md_problem(tmp_path, content))
    assert "problem.md" in msg and "limit" in msg


def test_limits_at_the_edges_are_fine(tmp_path: Path) -> None:
    content = "---\ntitle: T\ntime_limit: 60\nmemory_limit: 65536\n---\n"
    content += "```input\n```\n```output\n```\n"
    p = load_problem(md_problem(tmp_path, content))
    assert (p.time_limit_s, p.memory_limit_mb) == (60.0, 65536)
    assert p.examples == [TestCase("sample/1", b"", b"")]


def test_error_absurd_kattis_limits(tmp_path: Path) -> None:
    assert ".timelimit" in error_of(kattis(tmp_path, timelimit="0\n", name="a"))
    assert ".timelimit" in error_of(kattis(tmp_path, timelimit="100\n", name="b"))
    big = kattis(tmp_path, yaml_text="limits:\n  memory: 4\n", name="c")
    assert "problem.yaml" in error_of(big) and "memory" in error_of(big)


def test_error_missing_answer_file(tmp_path: Path) -> None:
    root = kattis(tmp_path)
    write(root / "data" / "secret" / "05.in", "1\n")
    msg = error_of(root)
    assert "05.in" in msg and "05.ans" in msg


def test_error_file_too_big(tmp_path: Path) -> None:
    root = kattis(tmp_path)
    huge = root / "data" / "secret" / "huge.in"
    huge.parent.mkdir(parents=True)
    with huge.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no real disk use
    write(root / "data" / "secret" / "huge.ans", "1\n")
    msg = error_of(root)
    assert "huge.in" in msg and "64 MiB" in msg


# --- the real problems ----------------------------------------------------------------------

OUR_PROBLEMS = sorted(path.parent.relative_to(PROBLEMS).as_posix()
                      for path in PROBLEMS.rglob("problem.md"))


@pytest.mark.parametrize("problem_id", OUR_PROBLEMS)
def test_our_problems_load(problem_id: str) -> None:
    p = load_problem(PROBLEMS / problem_id)
    assert p.id == Path(problem_id).name
    assert p.source_format == "markdown"
    assert p.title and p.time_limit_s in (1.0, 2.0) and p.memory_limit_mb == 256
    assert len(p.examples) == 2
    assert 8 <= len(p.hidden) <= 12
    assert "## Input" in p.statement and "## Output" in p.statement
    assert "```" not in p.statement
    assert (PROBLEMS / problem_id / "solutions" / "accepted.py").is_file()
    assert (PROBLEMS / problem_id / "solutions" / "wrong.py").is_file()
    for t in p.hidden:
        assert len(t.input) < 100_000 and len(t.output) < 100_000


@pytest.mark.skipif(not BENCH.is_dir(), reason="benchmark folder ../shared/bench not present")
def test_every_bench_problem_loads() -> None:
    folders = sorted(p.parent for p in BENCH.glob("*/*/problem.yaml"))
    assert len(folders) == 46
    for folder in folders:
        p = load_problem(folder)
        assert p.source_format == "kattis" and p.id == folder.name
        assert p.examples and p.hidden, folder
        assert p.title and p.title != folder.name, folder  # every one has a \problemname
        assert 0 < p.time_limit_s <= 60 and p.memory_limit_mb == 1024
        # markup is gone: no commands, math delimiters or ties left ({a,b} in lightsout is real)
        for bad in ("\\", "$", "~", "``"):
            assert bad not in p.statement, (folder, bad)
        assert "Input" in p.statement.splitlines() and "Output" in p.statement.splitlines()


@pytest.mark.skipif(not BENCH.is_dir(), reason="benchmark folder ../shared/bench not present")
def test_bench_samples() -> None:
    p = load_problem(BENCH / "kth-challenge-2013" / "bank")
    assert p.title == "Bank Queue"
    assert "(1 <= N <= 10000)" in p.statement and "42%" in p.statement
    assert p.time_limit_s == 1.0
    q = load_problem(BENCH / "na-rocky-mountain-2019-public" / "biggesttriangle")
    assert q.checker.float_absolute_tolerance == 1e-5
    assert q.checker.float_relative_tolerance == 1e-5


def test_the_ladder_is_there() -> None:
    assert len([p for p in OUR_PROBLEMS if p.startswith("ladder/")]) >= 30


@pytest.mark.integration
def test_each_reference_passes_and_each_wrong_solution_fails(pool) -> None:
    """Our problems' hidden tests tell their reference solution from their plausible mistake."""
    from sandbox.jobs import Verdict
    from sandbox.tester import judge, overall
    from solver.run.program import read_program
    from solver.run.tests import as_tests, limits_for

    for problem_id in OUR_PROBLEMS:
        problem = load_problem(PROBLEMS / problem_id)
        folder = PROBLEMS / problem_id / "solutions"
        right, wrong = read_program(folder / "accepted.py"), read_program(folder / "wrong.py")
        results = judge(pool, [right, wrong], as_tests(problem.examples + problem.hidden),
                        limits_for(problem), problem.output_checker)
        assert overall(results[right.key]) is Verdict.OK, problem_id
        assert overall(results[wrong.key]) is not Verdict.OK, problem_id
