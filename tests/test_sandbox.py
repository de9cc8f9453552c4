"""Integration tests: real containers, real runner, real limits."""

from __future__ import annotations

import pytest

from sandbox.checkers import ValidatorFlags
from sandbox.jobs import Job, Limits, Program, Verdict
from sandbox.tester import Test, judge, overall

pytestmark = pytest.mark.integration

SUM_PY = Program("python3", "a, b = map(int, input().split())\nprint(a + b)\n")
SUM_CPP = Program(
    "cpp17",
    "#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<'\\n';}\n",
)


def run_one(pool, source: str, data: bytes = b"", language: str = "python3", **limits):
    return pool.run([Job(Program(language, source), data, Limits(**limits))])[0]


def test_python_and_cpp_programs_run(pool):
    results = pool.run([Job(SUM_PY, b"2 3\n"), Job(SUM_CPP, b"-4 10\n")])
    assert [r.verdict for r in results] == [Verdict.OK, Verdict.OK]
    assert results[0].stdout == b"5\n"
    assert results[1].stdout == b"6\n"


def test_compile_error_is_a_verdict_with_the_message(pool):
    result = run_one(pool, "int main( {", language="cpp17")
    assert result.verdict is Verdict.CE
    assert "error" in result.stderr_tail


def test_runtime_error(pool):
    result = run_one(pool, "raise SystemExit(3)")
    assert result.verdict is Verdict.RE
    assert result.exit_code == 3


def test_cpu_time_limit(pool):
    result = run_one(pool, "while True: pass", time_s=0.5)
    assert result.verdict is Verdict.TLE
    assert result.cpu_s >= 0.5


def test_sleeping_program_hits_wall_time(pool):
    result = run_one(pool, "import time\ntime.sleep(60)", time_s=0.5)
    assert result.verdict is Verdict.TLE
    assert result.wall_s < 5


def test_memory_limit(pool):
    result = run_one(pool, "x = bytearray(600 * 1024 * 1024)\nprint(len(x))", memory_mb=256)
    assert result.verdict is Verdict.MLE


def test_output_limit(pool):
    result = run_one(pool, "while True: print('x' * 1000)", output_mb=1)
    assert result.verdict is Verdict.OLE
    assert len(result.stdout) <= 1024 * 1024


def test_no_network(pool):
    source = (
        "import socket\n"
        "s = socket.socket()\n"
        "s.settimeout(2)\n"
        "s.connect(('1.1.1.1', 80))\n"
        "print('connected')\n"
    )
    result = run_one(pool, source)
    assert result.verdict is Verdict.RE
    assert b"connected" not in result.stdout


def test_runs_unprivileged_and_cannot_write_outside_scratch(pool):
    source = (
        "import os\n"
        "print(os.getuid())\n"
        "for path in ('/etc/x', '/sandbox/cache/x', '/tmp/x', '/x'):\n"
        "    try:\n"
        "        open(path, 'w').write('x')\n"
        "        print('wrote', path)\n"
        "    except OSError:\n"
        "        pass\n"
        "open('here', 'w').write('scratch is writable')\n"
    )
    result = run_one(pool, source)
    assert result.verdict is Verdict.OK, result.stderr_tail
    assert result.stdout == b"65534\n"


def test_scratch_is_wiped_and_background_children_die(pool):
    leave = (
        "import os, time\n"
        "open('left-behind', 'w').write('x')\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        "    time.sleep(300)\n"
        "print('parent done')\n"
    )
    look = (
        "import os\n"
        "print(os.path.exists('left-behind'))\n"
        "mine = [p for p in os.listdir('/proc') if p.isdigit()\n"
        "        and os.stat('/proc/' + p).st_uid == os.getuid() and int(p) != os.getpid()]\n"
        "print(len(mine))\n"
    )
    # One worker, so that the second job lands in the same container as the first.
    from sandbox.pool import DockerPool, SandboxOptions

    with DockerPool(SandboxOptions(workers=1)) as single:
        first, second = single.run([Job(Program("python3", leave), b""),
                                    Job(Program("python3", look), b"")])
    assert first.verdict is Verdict.OK
    assert second.stdout == b"False\n0\n"


def test_fork_bomb_is_contained_and_worker_recovers(pool):
    bomb = "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass"
    result = run_one(pool, bomb, time_s=1)
    assert result.verdict in (Verdict.TLE, Verdict.RE)
    after = pool.run([Job(SUM_PY, b"1 1\n")] * 4)
    assert all(r.verdict is Verdict.OK and r.stdout == b"2\n" for r in after)


def test_judge_applies_checker(pool):
    wrong = Program("python3", "a, b = map(int, input().split())\nprint(a - b)\n")
    tests = [Test("1", b"1 2\n", b"3\n"), Test("2", b"5 5\n", b"10\n")]
    results = judge(pool, [SUM_PY, wrong], tests, Limits(), ValidatorFlags())
    assert overall(results[SUM_PY.key]) is Verdict.OK
    assert [r.verdict for r in results[wrong.key]] == [Verdict.WA, Verdict.WA]
