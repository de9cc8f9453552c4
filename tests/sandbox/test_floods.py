"""Output floods, under the default limits: a program's output is capped where it is written,
an over-long one never travels whole, stderr is only a tail, and big outputs within the limit
come back whole, each judged within a few seconds (the cost grows with the size, no faster)."""

from __future__ import annotations

import time

import pytest

from sandbox.checkers import ValidatorFlags
from sandbox.jobs import Job, Limits, Program, Verdict
from sandbox.tester import Test, judge

pytestmark = pytest.mark.integration

LIMIT = Limits().output_mb << 20
HEAD = 64 * 1024  # what an OLE result keeps of its stdout

LINE_CPP = "#include <cstdio>\n#include <string>\nint main(){ std::string s(1023, 'x'); "
FLOODS = [
    # name, language, source
    ("stdout lines (python)", "python3", "while True: print('x' * 1023)\n"),
    ("stdout without newline (python)", "python3",
     "import sys\nwhile True: sys.stdout.write('x' * 4096)\n"),
    ("one 200 MB line (python)", "python3", "import sys\nsys.stdout.write('x' * (200 << 20))\n"),
    ("stdout lines (c++)", "cpp17", LINE_CPP + "while (true) std::puts(s.c_str()); }\n"),
    ("stdout without newline (c++)", "cpp17",
     "#include <cstdio>\nint main(){ static char b[4096]; for (auto &c : b) c = 'x';"
     " while (true) fwrite(b, 1, sizeof b, stdout); }\n"),
    ("one 200 MB line (c++)", "cpp17",
     "#include <cstdio>\n#include <string>\nint main(){ std::string s(200 << 20, 'x');"
     " fwrite(s.data(), 1, s.size(), stdout); }\n"),
]
STDERR_FLOODS = [
    ("stderr lines (python)", "python3",
     "import sys\nprint('answer', flush=True)\nwhile True: print('x' * 1023, file=sys.stderr)\n"),
    ("stderr lines (c++)", "cpp17", LINE_CPP + "std::puts(\"answer\"); std::fflush(stdout); "
     "while (true) std::fprintf(stderr, \"%s\\n\", s.c_str()); }\n"),
]


def timed_run(pool, job: Job):
    if job.program.language == "cpp17":  # compile first: the run alone is timed
        pool.run([Job(job.program, b"", Limits(time_s=0.01))])
    start = time.monotonic()
    result = pool.run([job])[0]
    return result, time.monotonic() - start


@pytest.mark.parametrize(("language", "source"), [flood[1:] for flood in FLOODS],
                         ids=[flood[0] for flood in FLOODS])
def test_a_stdout_flood_is_ole_at_once_and_only_its_head_comes_back(pool, language, source):
    result, took = timed_run(pool, Job(Program(language, source), b""))
    assert result.verdict is Verdict.OLE, result.stderr_tail[-300:]
    assert took < 5, took
    assert 0 < len(result.stdout) <= HEAD and set(result.stdout) == {ord("x")} | (
        {ord("\n")} if b"\n" in result.stdout else set())


@pytest.mark.parametrize(("language", "source"), [flood[1:] for flood in STDERR_FLOODS],
                         ids=[flood[0] for flood in STDERR_FLOODS])
def test_a_stderr_flood_is_a_tail_and_ends_with_the_time_limit(pool, language, source):
    """Stderr counts for no output limit (so it is not OLE): the program runs on, as it would
    under a judge that discards stderr, until the time limit, and only the tail is kept."""
    result, took = timed_run(pool, Job(Program(language, source), b""))
    assert result.verdict is Verdict.TLE
    assert took < Limits().wall_s + 2, took
    assert result.stdout == b"answer\n"
    assert 0 < len(result.stderr_tail) <= 4096 and result.stderr_tail.endswith("x\n")


@pytest.mark.parametrize("megabytes", [16, 64])
def test_output_up_to_the_limit_comes_back_whole_and_is_checked(pool, megabytes):
    """64 MB is the limit itself: still OK, all of it returned and compared with the answer."""
    program = Program("python3", "import sys\nn = int(input())\n"
                                 "sys.stdout.write(('x' * 1023 + '\\n') * (n * 1024))\n")
    answer = (b"x" * 1023 + b"\n") * (megabytes * 1024)
    tests = [Test(str(i), f"{megabytes}\n".encode(), answer) for i in range(2)]
    start = time.monotonic()
    results = judge(pool, [program], tests, Limits(), ValidatorFlags())[program.key]
    took = time.monotonic() - start
    assert [r.verdict for r in results] == [Verdict.OK, Verdict.OK]
    assert all(len(r.stdout) == megabytes << 20 for r in results)
    assert took < 2 + megabytes / 16, took  # linear: about 1.5 s for two 64 MB outputs


def test_one_byte_over_the_limit_is_ole():
    from sandbox.pool import DockerPool, SandboxOptions

    program = Program("python3", f"import sys\nsys.stdout.write('x' * {LIMIT + 1})\n")
    with DockerPool(SandboxOptions(workers=1)) as single:
        result = single.run([Job(program, b"")])[0]
    assert result.verdict is Verdict.OLE and len(result.stdout) == HEAD


def test_a_big_input_and_its_echo_travel_whole(pool):
    echo = Program("python3", "import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read())\n")
    data = bytes(range(256)) * (48 << 12)  # 48 MB, every byte value, no newline to split on
    start = time.monotonic()
    result = pool.run([Job(echo, data)])[0]
    assert result.verdict is Verdict.OK and result.stdout == data
    assert time.monotonic() - start < 5
