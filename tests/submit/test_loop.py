"""`cpsolve submit`: rank-ordered submission that stops at the first Accepted.

No real judge is reachable from tests. The end-to-end tests run against a stand-in judge
(tests/fixtures/judge/server.py): an http.server on 127.0.0.1 at a random port that mimics a
judge's login, submit and status pages, spoken to by the "local" judge adapter. The
online-judge-api-client adapter (the path to real sites) is tested without network: judge
detection, error translation, and its language choice on fake language lists.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import requests
from typer.testing import CliRunner

from cli.main import EXIT_INFRA, EXIT_INPUT, EXIT_NOTHING_PASSED, EXIT_OK, app
from solver.submit.judges import (
    JudgeBlockedError,
    JudgeLanguage,
    choose_language,
    cookie_session,
    open_judge,
    verdict_from_text,
)
from solver.submit.judges.base import block_reason
from solver.submit.loop import (
    RateLimiter,
    SubmissionRecord,
    load_candidates,
    read_records,
    source_sha256,
)
from tests.fixtures.judge.server import StandInJudge, serve_stand_in

runner = CliRunner()

WRONG_PY = "print(int(input()) + 1)  # WRONG\n"
TLE_CPP = "#include <cstdio>\nint main() { while (true) {} }  // TLE\n"
ACCEPT_PY = "a, b = map(int, input().split())\nprint(a + b)  # ACCEPT\n"
ACCEPT_CPP = "#include <cstdio>\nint main() { return 0; }  // ACCEPT\n"


def write_solve_folder(folder: Path, programs: list[tuple[str, str]], files: bool = True) -> Path:
    """A candidates folder as `solve` writes it: rankNN.py/.cpp and result.json."""
    folder.mkdir(parents=True, exist_ok=True)
    candidates = []
    for rank, (language, source) in enumerate(programs, start=1):
        path = folder / f"rank{rank:02d}.{'py' if language == 'python3' else 'cpp'}"
        if files:
            path.write_text(source, encoding="utf-8")
        candidates.append({"rank": rank, "language": language, "source": source,
                           "cluster_size": 1, "file": str(path)})
    result = {"problem": {"id": "sum", "title": "Sum", "hidden_tests": 0},
              "candidates": candidates, "stats": {}}
    (folder / "result.json").write_text(json.dumps(result), encoding="utf-8")
    return folder


@pytest.fixture
def stand_in():
    with serve_stand_in(StandInJudge()) as judge:
        yield judge


def logged_in_jar(path: Path, judge: StandInJudge) -> Path:
    """A cookie jar logged in to the stand-in judge, as `--login` (or `oj login`) leaves it."""
    with cookie_session(path) as session:
        open_judge(judge.problem_url(), session, "local").login("alice", "secret")
    return path


@pytest.fixture
def cookies(tmp_path, stand_in) -> Path:
    return logged_in_jar(tmp_path / "cookie.jar", stand_in)


def submit(url: str, folder: Path | None, cookies: Path, *extra: str, from_json=None):
    args = ["submit", url] + ([str(folder)] if folder else [])
    args += ["--judge", "local", "--cookies", str(cookies), "--poll-interval", "0.01",
             "--min-interval", "0"]
    if from_json:
        args += ["--from-json", str(from_json)]
    return runner.invoke(app, [*args, *extra])


def records_of(folder: Path) -> list[dict]:
    path = folder / "submissions.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


# --- end to end against the stand-in judge ----------------------------------------------------


def test_dry_run_shows_what_would_be_sent_and_sends_nothing(tmp_path, stand_in, cookies):
    folder = write_solve_folder(tmp_path / "out", [("python3", WRONG_PY), ("cpp17", TLE_CPP),
                                                   ("python3", ACCEPT_PY)])
    result = submit(stand_in.problem_url(), folder, cookies, "--dry-run",
                    "--max-submissions", "2")
    assert result.exit_code == EXIT_OK, result.output
    output = result.output
    # Rank order, the judge's language ids (newest CPython; newest g++ in its C++17 dialect),
    # the problem, the file, the first lines; then where --max-submissions stops.
    assert output.index("rank 1:") < output.index("rank 2:")
    assert "rank01.py -> judge local, problem " + stand_in.problem_url() in output
    assert "language id 3 (Python 3.12.1)" in output
    assert "language id 12 (GNU G++17 13.2.0 (64 bit, winlibs))" in output
    assert "| print(int(input()) + 1)  # WRONG" in output
    assert "| #include <cstdio>" in output
    assert "stops here: --max-submissions 2" in output
    assert stand_in.received == []
    assert records_of(folder) == []


def test_submits_in_rank_order_and_stops_at_first_accepted(tmp_path):
    # The stand-in answers 429 to submissions closer than 0.3 s: the limiter must keep to it.
    with serve_stand_in(StandInJudge(min_interval_s=0.3, running_polls=2)) as judge:
        jar = logged_in_jar(tmp_path / "cookie.jar", judge)
        folder = write_solve_folder(tmp_path / "out", [
            ("python3", WRONG_PY), ("cpp17", TLE_CPP), ("python3", ACCEPT_PY),
            ("cpp17", ACCEPT_CPP),
        ])
        result = submit(judge.problem_url(), folder, jar, "--min-interval", "0.3")
        assert result.exit_code == EXIT_OK, result.output
        assert "accepted: rank 3" in result.output

        sent = judge.received
        assert [r.source for r in sent] == [WRONG_PY, TLE_CPP, ACCEPT_PY]  # rank 4 never sent
        assert [r.language for r in sent] == ["3", "12", "3"]
        gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(sent)]
        assert min(gaps) >= 0.3
        assert all(judge.polls[r.id] >= 3 for r in sent)  # "Running" twice, then the verdict

    records = records_of(folder)
    assert [(r["rank"], r["verdict"], r["accepted"]) for r in records] == [
        (1, "Wrong answer on test 2", False),
        (2, "Time limit exceeded on test 5", False),
        (3, "Accepted", True),
    ]
    first = records[0]
    assert first["judge"] == "local"
    assert first["problem"] == judge.problem_url()
    assert first["source_sha256"] == source_sha256(WRONG_PY)
    assert (first["language"], first["language_id"]) == ("python3", "3")
    assert first["submission_id"] == sent[0].id
    assert first["time"].endswith("+00:00")


def test_a_later_run_skips_programs_already_sent(tmp_path, stand_in, cookies):
    folder = write_solve_folder(tmp_path / "out", [("python3", WRONG_PY), ("cpp17", TLE_CPP),
                                                   ("python3", ACCEPT_PY)])
    first = submit(stand_in.problem_url(), folder, cookies, "--max-submissions", "1")
    assert first.exit_code == EXIT_NOTHING_PASSED, first.output
    assert "not accepted: 1 submission(s)" in first.output

    second = submit(stand_in.problem_url(), folder, cookies)
    assert second.exit_code == EXIT_OK, second.output
    assert "rank 1: skipped, already sent" in second.output
    assert [r.source for r in stand_in.received] == [WRONG_PY, TLE_CPP, ACCEPT_PY]
    assert [r["rank"] for r in records_of(folder)] == [1, 2, 3]

    # Once accepted, nothing more is sent for this problem.
    third = submit(stand_in.problem_url(), folder, cookies)
    assert third.exit_code == EXIT_OK, third.output
    assert "already accepted: rank 3" in third.output
    assert len(stand_in.received) == 3


def test_nothing_accepted_within_max_submissions(tmp_path, stand_in, cookies):
    folder = write_solve_folder(tmp_path / "out", [("python3", f"{WRONG_PY}# {i}\n")
                                                   for i in range(4)])
    records = tmp_path / "elsewhere" / "log.jsonl"
    result = submit(stand_in.problem_url(), folder, cookies, "--max-submissions", "2",
                    "--records", str(records))
    assert result.exit_code == EXIT_NOTHING_PASSED, result.output
    assert "stopping after 2 submissions" in result.output
    assert len(stand_in.received) == 2
    assert [r.rank for r in read_records(records)] == [1, 2]


def test_no_verdict_in_time_stops_the_loop(tmp_path, stand_in, cookies):
    stand_in.running_polls = 10**6  # the judge never finishes
    folder = write_solve_folder(tmp_path / "out", [("python3", WRONG_PY), ("python3", ACCEPT_PY)])
    result = submit(stand_in.problem_url(), folder, cookies, "--poll-timeout", "0.2")
    assert result.exit_code == EXIT_NOTHING_PASSED, result.output
    assert "verdict unknown for rank 1" in result.output
    assert len(stand_in.received) == 1  # not the next one blindly
    assert records_of(folder)[0]["verdict"] == "unknown: still Running after timeout"


def assert_clean_fallback(result, folder: Path, url: str) -> None:
    assert result.exit_code == EXIT_INFRA, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len([line for line in lines if line.startswith("error:")]) == 1
    assert f"candidates kept in {folder}/" in result.output
    assert f"submit by hand at {url}" in result.output


def test_a_captcha_gives_the_clean_fallback(tmp_path, stand_in, cookies):
    stand_in.bot_check = True
    folder = tmp_path / "out"
    # Candidates given as `solve --json` output whose files are gone: they are written back.
    write_solve_folder(folder, [("python3", WRONG_PY), ("cpp17", ACCEPT_CPP)], files=False)
    result = submit(stand_in.problem_url(), None, cookies, from_json=folder / "result.json")
    assert_clean_fallback(result, folder, stand_in.problem_url())
    assert "error: local blocks automated submission: captcha or bot check" in result.output
    assert (folder / "rank01.py").read_text() == WRONG_PY
    assert (folder / "rank02.cpp").read_text() == ACCEPT_CPP
    assert records_of(folder) == []


def test_not_logged_in_gives_the_clean_fallback(tmp_path, stand_in):
    folder = write_solve_folder(tmp_path / "out", [("python3", ACCEPT_PY)])
    result = submit(stand_in.problem_url(), folder, tmp_path / "empty.jar")
    assert_clean_fallback(result, folder, stand_in.problem_url())
    assert "not logged in" in result.output
    assert stand_in.received == []


def test_login_flow_then_submit(tmp_path, stand_in):
    folder = write_solve_folder(tmp_path / "out", [("python3", ACCEPT_PY)])
    jar = tmp_path / "cookie.jar"
    result = runner.invoke(app, ["submit", stand_in.problem_url(), str(folder), "--judge", "local",
                                 "--cookies", str(jar), "--login", "--poll-interval", "0.01"],
                           input="alice\nsecret\n")
    assert result.exit_code == EXIT_OK, result.output
    assert "secret" not in result.output
    assert stand_in.received[0].user == "alice"
    assert jar.exists()  # the session is kept for the next run


def test_unreachable_judge_keeps_the_candidates(tmp_path, cookies):
    folder = write_solve_folder(tmp_path / "out", [("python3", ACCEPT_PY)])
    with serve_stand_in() as gone:
        url = gone.problem_url()  # a port that is closed once the server stops
    result = submit(url, folder, cookies)
    assert_clean_fallback(result, folder, url)
    assert "unreachable" in result.output


def test_input_errors(tmp_path, stand_in, cookies):
    result = submit(stand_in.problem_url(), tmp_path / "missing", cookies)
    assert result.exit_code == EXIT_INPUT
    assert "missing: no such folder" in result.output
    folder = write_solve_folder(tmp_path / "out", [("python3", ACCEPT_PY)])
    result = runner.invoke(app, ["submit", "https://example.com/nothing", str(folder),
                                 "--cookies", str(cookies)])
    assert result.exit_code == EXIT_INPUT
    assert "no judge known" in result.output


# --- pieces -----------------------------------------------------------------------------------


def test_candidates_from_files_alone_in_rank_order(tmp_path):
    (tmp_path / "rank02.cpp").write_text(ACCEPT_CPP)
    (tmp_path / "rank01.py").write_text(WRONG_PY)
    (tmp_path / "notes.txt").write_text("not a candidate")
    candidates, folder = load_candidates(tmp_path)
    assert folder == tmp_path
    assert [(c.rank, c.language, c.source) for c in candidates] == [
        (1, "python3", WRONG_PY), (2, "cpp17", ACCEPT_CPP)]


def test_a_hand_edited_file_wins_over_result_json(tmp_path):
    folder = write_solve_folder(tmp_path, [("python3", WRONG_PY)])
    (folder / "rank01.py").write_text(ACCEPT_PY)
    candidates, _ = load_candidates(folder)
    assert candidates[0].source == ACCEPT_PY


def test_rate_limiter_waits_across_runs():
    now = [1000.0]
    slept = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    # The last recorded submission (an earlier run) was 4 s ago; the interval is 10 s.
    limiter = RateLimiter(10.0, last_sent=996.0, clock=lambda: now[0], sleep=sleep)
    assert limiter.wait() == pytest.approx(6.0)
    limiter.sent()
    now[0] += 25.0  # polling took longer than the interval: no wait
    assert limiter.wait() == 0.0
    assert slept == [pytest.approx(6.0)]


def test_records_round_trip(tmp_path):
    from solver.submit.loop import append_record

    record = SubmissionRecord(time="2026-01-01T00:00:00.000+00:00", judge="local",
                              problem="http://x/problems/a", rank=1, source_sha256="ab",
                              language="python3", language_id="3", language_name="Python 3",
                              submission_id="7", verdict="Accepted", accepted=True, file="f")
    path = tmp_path / "r.jsonl"
    append_record(path, record)
    append_record(path, record)
    assert read_records(path) == [record, record]


@pytest.mark.parametrize(("text", "final", "accepted"), [
    ("Accepted", True, True), ("AC", True, True), ("OK", True, True),
    ("WJ", False, False), ("3/20", False, False), ("Running on test 4", False, False),
    ("In queue", False, False), ("", False, False),
    ("Wrong answer on test 2", True, False), ("TLE", True, False), ("CE", True, False),
])
def test_verdict_from_text(text, final, accepted):
    verdict = verdict_from_text(text)
    assert (verdict.final, verdict.accepted) == (final, accepted)


def test_block_reason():
    captcha = "<html><div class='g-recaptcha'></div></html>"
    assert block_reason(403, "https://j/submit", captcha) == "captcha or bot check"
    assert block_reason(503, "https://j/", "<title>Just a moment...</title>") is not None
    assert "not logged in" in block_reason(200, "https://j/login?next=/submit", "<form>")
    assert block_reason(200, "https://j/submissions/4", '{"status": "WA"}') is None


# --- language choice (online-judge-api-client's lists, faked) ---------------------------------

ATCODER_2023 = [
    ("5001", "C++ 20 (gcc 12.2)"), ("5002", "Go (go 1.20.6)"), ("5003", "C++ 23 (Clang 16.0.6)"),
    ("5028", "C++ 17 (Clang 16.0.6)"), ("5055", "Python (CPython 3.11.4)"),
    ("5063", "Python (Mambaforge / CPython 3.10.10)"), ("5078", "Python (PyPy 3.10-v7.3.12)"),
    ("5082", "Cython (0.29.34)"),
]
ATCODER_2020 = [
    ("4003", "C++ (GCC 9.2.1)"), ("4004", "C++ (Clang 10.0.0)"), ("4006", "Python (3.8.2)"),
    ("4047", "Python (Cython 0.29.16)"), ("4055", "Python2 (2.7.18)"), ("4051", "C++ (GCC 9.2.1)"),
]
CODEFORCES = [
    ("43", "GNU GCC C11 5.1.0"), ("50", "GNU G++14 6.4.0"), ("54", "GNU G++17 7.3.0"),
    ("89", "GNU G++20 13.2 (64 bit, winlibs)"), ("91", "GNU G++23 14.2 (64 bit, msys2)"),
    ("7", "Python 2.7.18"), ("31", "Python 3.8.10"), ("40", "PyPy 2.7.13 (7.3.0)"),
    ("70", "PyPy 3.10 (7.3.15, 64bit)"), ("52", "Clang++17 Diagnostics"),
]


def languages(pairs) -> list[JudgeLanguage]:
    return [JudgeLanguage(id=i, name=name) for i, name in pairs]


@pytest.mark.parametrize(("judge", "language", "expected"), [
    (ATCODER_2023, "python3", "5055"),  # newest CPython, not PyPy, not Cython
    (ATCODER_2023, "cpp17", "5001"),  # g++ (what the sandbox ran) over a newer Clang dialect
    (ATCODER_2020, "python3", "4006"),
    (ATCODER_2020, "cpp17", "4003"),  # bare "C++" with GCC: the judge's default dialect
    (CODEFORCES, "python3", "31"),
    (CODEFORCES, "cpp17", "91"),  # newest g++ compiler that takes C++17 code
])
def test_newest_matching_compiler(judge, language, expected):
    assert choose_language(languages(judge), language).id == expected


JAVA_AND_PYPY = [
    ("1", "Java 8 (OpenJDK 1.8.0)"), ("2", "Java 21 (OpenJDK 21.0.1)"), ("3", "Java 17"),
    ("4", "JavaScript (Node.js 18)"), ("5", "Kotlin 1.9 (JVM)"), ("6", "Python 3.12"),
    ("7", "PyPy 3.10 (7.3.15)"), ("8", "PyPy 2.7"),
]


@pytest.mark.parametrize(("language", "expected"), [
    ("java", "2"),  # newest Java, never JavaScript or Kotlin
    ("pypy3", "7"),  # PyPy 3 first: what the sandbox ran the program with
    ("python3", "6"),
])
def test_java_and_pypy_programs_go_to_their_own_compilers(language, expected):
    assert choose_language(languages(JAVA_AND_PYPY), language).id == expected


def test_no_matching_language():
    assert choose_language(languages([("1", "Java 11"), ("2", "JavaScript")]), "java") is None
    old = languages([("1", "GNU G++11 4.9"), ("2", "Python 2.7"), ("3", "Java 21")])
    assert choose_language(old, "cpp17") is None
    assert choose_language(old, "python3") is None
    assert choose_language(old, "rust") is None


def test_at_equal_compilers_cpp17_itself_wins():
    same = languages([("a", "GNU G++20 13.2.0"), ("b", "GNU G++17 13.2.0")])
    assert choose_language(same, "cpp17").id == "b"


# --- online-judge-api-client adapter, no network -----------------------------------------------


def test_oj_adapter_detects_the_judge_from_the_url():
    session = requests.Session()
    judge = open_judge("https://atcoder.jp/contests/abc100/tasks/abc100_a", session)
    assert judge.name == "atcoder"
    with pytest.raises(ValueError, match="no judge known"):
        open_judge("https://example.com/problem/1", session)


def test_oj_adapter_turns_library_failures_into_blocks(monkeypatch):
    import onlinejudge.type as oj

    session = requests.Session()
    # Codeforces: the library refuses to submit (its captcha) before any network access.
    codeforces = open_judge("https://codeforces.com/contest/1000/problem/A", session)
    with pytest.raises(JudgeBlockedError, match="removed"):
        codeforces.submit("https://codeforces.com/contest/1000/problem/A",
                          JudgeLanguage("54", "GNU G++17 7.3.0"), "int main() {}")

    atcoder = open_judge("https://atcoder.jp/contests/abc100/tasks/abc100_a", session)

    def not_logged_in(**kwargs):
        raise oj.NotLoggedInError

    monkeypatch.setattr(atcoder.problem, "get_available_languages", not_logged_in)
    with pytest.raises(JudgeBlockedError, match="not logged in to atcoder"):
        atcoder.languages("https://atcoder.jp/contests/abc100/tasks/abc100_a")
