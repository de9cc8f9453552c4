"""Integration tests: real containers, real runner, real limits (one test per limit)."""

from __future__ import annotations

import pytest

from sandbox.checkers import Checker, CheckerError, ValidatorFlags
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


def test_cpp_compiles_once_and_the_binary_is_shipped_to_other_workers(pool):
    program = Program("cpp17", "#include <cstdio>\nint main(){std::puts(\"once\");}\n")
    before = pool.compilations
    results = pool.run([Job(program, b"")] * 6)
    results += pool.run([Job(program, b"")] * 2)
    assert all(r.verdict is Verdict.OK and r.stdout == b"once\n" for r in results)
    assert pool.compilations == before + 1
    assert all(program.key in worker.loaded for worker in pool.workers)


def test_compile_error_is_a_verdict_with_the_message(pool):
    result = run_one(pool, "int main( {", language="cpp17")
    assert result.verdict is Verdict.CE
    assert "error" in result.stderr_tail


def test_runtime_error(pool):
    result = run_one(pool, "raise SystemExit(3)")
    assert result.verdict is Verdict.RE
    assert result.exit_code == 3


def test_killed_by_a_signal_is_a_runtime_error(pool):
    result = run_one(pool, "int main(){int *p = nullptr; return *p;}", language="cpp17")
    assert result.verdict is Verdict.RE
    assert result.signal == 11
    assert result.exit_code is None


def test_cpu_time_limit(pool):
    result = run_one(pool, "while True: pass", time_s=0.5)
    assert result.verdict is Verdict.TLE
    assert result.cpu_s >= 0.5


def test_sleeping_program_hits_wall_time(pool):
    result = run_one(pool, "import time\ntime.sleep(60)", time_s=0.5)
    assert result.verdict is Verdict.TLE
    assert result.wall_s < 5


def test_memory_limit_python(pool):
    result = run_one(pool, "x = bytearray(600 * 1024 * 1024)\nprint(len(x))", memory_mb=256)
    assert result.verdict is Verdict.MLE


def test_memory_limit_cpp(pool):
    source = (
        "#include <vector>\n#include <cstdio>\n"
        "int main(){std::vector<char> v(600u<<20, 1); std::printf(\"%d\", v[12345]);}\n"
    )
    result = run_one(pool, source, language="cpp17", memory_mb=256)
    assert result.verdict is Verdict.MLE


def test_peak_memory_is_the_programs_own(pool):
    idle = run_one(pool, "int main(){}", language="cpp17")
    touch = (
        "#include <cstdio>\n"
        "int main(){volatile char *p = new char[100 << 20];\n"
        "  for (int i = 0; i < (100 << 20); i += 4096) p[i] = 1;\n"
        "  std::printf(\"%d\", p[4096]);}\n"
    )
    big = run_one(pool, touch, language="cpp17")
    assert idle.verdict is Verdict.OK and big.verdict is Verdict.OK
    assert idle.memory_mb < 4  # not the runner's ~9 MB from before exec
    assert 95 <= big.memory_mb <= 110


def test_deep_recursion_and_threads_fit_in_the_memory_limit(pool):
    # The stack may take most of the memory limit, and a thread still gets a stack of its own.
    source = (
        "#include <cstdio>\n#include <thread>\n"
        "int depth(int n) { volatile char pad[1000]; pad[0] = n % 7;"
        " return n == 0 ? 0 : depth(n - 1) + pad[0]; }\n"
        "int main() { int result = 0; std::thread t([&] { result = depth(1000); }); t.join();\n"
        "  std::printf(\"%d %d\\n\", result, depth(200000)); }\n"  # ~200 MB of stack
    )
    result = run_one(pool, source, language="cpp17", memory_mb=512)
    assert result.verdict is Verdict.OK, result.stderr_tail
    assert result.stdout == b"3003 599997\n"
    threaded = run_one(pool, "import threading\nt = threading.Thread(target=print, args=('ok',))\n"
                       "t.start()\nt.join()\n", memory_mb=256)
    assert threaded.stdout == b"ok\n"


def test_process_limit(pool):
    source = (
        "import os, time\n"
        "failed = 0\n"
        "for _ in range(40):\n"
        "    try:\n"
        "        if os.fork() == 0:\n"
        "            time.sleep(2)\n"
        "            os._exit(0)\n"
        "    except OSError:\n"
        "        failed += 1\n"
        "print(failed)\n"
    )
    result = run_one(pool, source, processes=10)
    assert result.verdict is Verdict.OK, result.stderr_tail
    assert int(result.stdout) >= 30  # the 10th process and later could not be made


def test_output_limit(pool):
    result = run_one(pool, "while True: print('x' * 1000)", output_mb=1)
    assert result.verdict is Verdict.OLE
    assert len(result.stdout) <= 1024 * 1024


def test_file_size_limit(pool):
    result = run_one(pool, "open('big', 'wb').write(b'x' * (3 << 20))\nprint('done')", file_mb=1)
    assert result.verdict is Verdict.OLE
    assert result.stdout == b""


def test_open_files_limit(pool):
    source = (
        "import os\n"
        "handles = []\n"
        "try:\n"
        "    for i in range(100):\n"
        "        handles.append(open('/dev/null'))\n"
        "except OSError as error:\n"
        "    print('stopped', error.errno)\n"
    )
    result = run_one(pool, source, open_files=16)
    assert result.verdict is Verdict.OK
    assert result.stdout == b"stopped 24\n"  # EMFILE


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
        "print(os.getuid() != 0 and os.getgid() != 0 and os.getgroups() == [])\n"
        "for path in ('/etc/x', '/sandbox/cache/x', '/sandbox/x', '/tmp/x', '/x', '/root/x'):\n"
        "    try:\n"
        "        open(path, 'w').write('x')\n"
        "        print('wrote', path)\n"
        "    except OSError:\n"
        "        pass\n"
        "open('here', 'w').write('scratch is writable')\n"
    )
    result = run_one(pool, source)
    assert result.verdict is Verdict.OK, result.stderr_tail
    assert result.stdout == b"True\n"


def test_scratch_is_wiped_and_background_children_die(pool):
    leave = (
        "import os, time\n"
        "open('left-behind', 'w').write('x')\n"
        "open('/dev/shm/left-behind', 'w').write('x')\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        "    time.sleep(300)\n"
        "print('parent done')\n"
    )
    look = (
        "import os\n"
        "print(os.path.exists('left-behind'), os.path.exists('/dev/shm/left-behind'))\n"
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
    assert second.stdout == b"False False\n0\n"


def test_python_programs_run_as_in_a_fresh_interpreter(pool):
    # Python programs are forked from a warm interpreter: they must not notice.
    probe = (
        "import atexit, sys, threading, random, json\n"
        "print(__name__, sys.argv[0].endswith('prog.py'), hasattr(json, 'leak'))\n"
        "json.leak = True\n"
        "print(random.random())\n"
        "atexit.register(lambda: print('atexit'))\n"
        "threading.Thread(target=lambda: print('thread')).start()\n"
    )
    first, second = pool.run([Job(Program("python3", probe), b"")] * 2)
    for result in (first, second):
        assert result.verdict is Verdict.OK, result.stderr_tail
        lines = result.stdout.decode().split("\n")
        assert lines[0] == "__main__ True False"  # nothing left over from another run
        assert lines[2:4] == ["thread", "atexit"]
    assert first.stdout.split(b"\n")[1] != second.stdout.split(b"\n")[1]  # seeded afresh

    crash, exit_code, message = pool.run([
        Job(Program("python3", "def f():\n    raise ValueError('boom')\nf()\n"), b""),
        Job(Program("python3", "import sys\nsys.exit(4)\n"), b""),
        Job(Program("python3", "import sys\nsys.exit('bad input')\n"), b""),
    ])
    assert (crash.verdict, crash.exit_code) == (Verdict.RE, 1)
    assert crash.stderr_tail.startswith("Traceback (most recent call last):\n  File \"/sandbox/")
    assert "prog.py\", line 3, in <module>" in crash.stderr_tail.split("\n")[1]
    assert crash.stderr_tail.rstrip().endswith("ValueError: boom")
    assert "zygote" not in crash.stderr_tail
    assert (exit_code.verdict, exit_code.exit_code) == (Verdict.RE, 4)
    assert (message.exit_code, message.stderr_tail) == (1, "bad input\n")


def test_many_quick_jobs_and_a_big_one_come_back_in_order(pool):
    echo = Program("python3", "import sys\nsys.stdout.write(sys.stdin.read())\n")
    inputs = [f"{i}\n".encode() for i in range(150)]
    inputs[70] = b"x" * 300_000  # too big to send ahead of the others' answers
    results = pool.run([Job(echo, data) for data in inputs])
    assert [r.stdout for r in results] == inputs


def test_an_input_larger_than_the_file_limit_is_fine(pool):
    result = run_one(pool, "import sys\nprint(len(sys.stdin.buffer.read()))\n",
                     b"7" * (3 * 1024 * 1024), file_mb=1)
    assert result.verdict is Verdict.OK and result.stdout == b"3145728\n"


def test_jobs_in_flight_survive_a_killed_container():
    import threading

    from sandbox.pool import DockerPool, SandboxOptions

    echo = Program("python3", "print(input())\n")
    with DockerPool(SandboxOptions(workers=1)) as single:
        worker = single.workers[0]
        single.run([Job(echo, b"warm\n")] * 3)  # quick runs: several jobs go ahead of answers
        assert worker.depth() > 1
        killer = threading.Timer(0.3, worker.container.kill)
        killer.start()
        results = single.run([Job(echo, f"{i}\n".encode()) for i in range(400)])
        killer.join()
        assert [r.stdout for r in results] == [f"{i}\n".encode() for i in range(400)]
        assert worker.restarts == 1


def test_runner_talks_over_a_socket_or_else_the_docker_stream(pool, monkeypatch):
    from sandbox.pool import DockerPool, SandboxOptions, Worker

    assert not any(worker.framed for worker in pool.workers)  # a local engine: the socket
    original = Worker.run_container
    monkeypatch.setattr(Worker, "run_container", lambda self, mount: original(self, mount=False))
    with DockerPool(SandboxOptions(workers=1)) as unmounted:  # as with a remote engine
        assert unmounted.workers[0].framed
        results = unmounted.run([Job(SUM_PY, b"1 2\n"), Job(SUM_CPP, b"3 4\n")] * 5)
    assert [r.stdout for r in results] == [b"3\n", b"7\n"] * 5


def test_each_container_is_pinned_to_a_cpu_of_its_own(pool):
    from sandbox.pool import engine_cpus

    pinned = sorted(worker.container.attrs["HostConfig"]["CpusetCpus"] for worker in pool.workers)
    cpus = engine_cpus(pool.client)
    assert pinned == sorted(str(index % cpus) for index in range(len(pool.workers)))


def test_a_killed_container_is_replaced_and_the_job_retried(pool):
    worker = pool.workers[0]
    restarts = worker.restarts
    worker.container.kill()
    result = worker.run(Job(SUM_PY, b"20 22\n"))
    assert result.verdict is Verdict.OK and result.stdout == b"42\n"
    assert worker.restarts == restarts + 1


def test_judge_applies_checker(pool):
    wrong = Program("python3", "a, b = map(int, input().split())\nprint(a - b)\n")
    tests = [Test("1", b"1 2\n", b"3\n"), Test("2", b"5 5\n", b"10\n")]
    results = judge(pool, [SUM_PY, wrong], tests, Limits(), ValidatorFlags())
    assert overall(results[SUM_PY.key]) is Verdict.OK
    assert [r.verdict for r in results[wrong.key]] == [Verdict.WA, Verdict.WA]


# A testlib-style checker: accepts any answer whose sum of tokens equals the answer's.
TESTLIB_CHECKER = Program("python3", (
    "import sys\n"
    "inp, out, ans = (open(p).read().split() for p in sys.argv[1:4])\n"
    "if not out: sys.stderr.write('empty'); sys.exit(2)\n"
    "if inp == ['fail']: sys.exit(3)\n"
    "ok = sum(map(int, out)) == sum(map(int, ans))\n"
    "sys.stderr.write('ok' if ok else 'sums differ')\n"
    "sys.exit(0 if ok else 1)\n"
))
# A Kattis output validator in C++: the team's output on stdin, accept when it equals the answer
# up to order of tokens; writes why into feedback_dir/judgemessage.txt.
KATTIS_VALIDATOR = Program("cpp17", r"""
#include <algorithm>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>
int main(int argc, char **argv) {
    std::ifstream answer(argv[2]);
    std::vector<std::string> want, got;
    std::string token;
    while (answer >> token) want.push_back(token);
    while (std::cin >> token) got.push_back(token);
    if (want.size() == 1 && want[0] == "broken") return 7;
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    std::ofstream(std::string(argv[3]) + "/judgemessage.txt") << (want == got ? "same" : "differs");
    return want == got ? 42 : 43;
}
""")


def test_testlib_checker_runs_in_the_sandbox(pool):
    programs = [Program("python3", "print(1, 2)"), Program("python3", "print(9)"),
                Program("python3", "pass")]
    checker = Checker("testlib", program=TESTLIB_CHECKER)
    results = judge(pool, programs, [Test("t", b"x\n", b"3\n")], Limits(), checker)
    verdicts = [results[p.key][0] for p in programs]
    assert [r.verdict for r in verdicts] == [Verdict.OK, Verdict.WA, Verdict.WA]
    assert "sums differ" in verdicts[1].checker_message
    assert "presentation error" in verdicts[2].checker_message


def test_kattis_output_validator_runs_in_the_sandbox(pool):
    programs = [Program("python3", "print('b a')"), Program("python3", "print('a c')")]
    checker = Checker("kattis", program=KATTIS_VALIDATOR)
    results = judge(pool, programs, [Test("t", b"", b"a b\n")], Limits(), checker)
    assert [results[p.key][0].verdict for p in programs] == [Verdict.OK, Verdict.WA]
    assert results[programs[1].key][0].checker_message == "differs"


def test_a_failing_checker_is_a_judge_error_not_a_verdict(pool):
    with pytest.raises(CheckerError):
        judge(pool, [Program("python3", "print(3)")], [Test("t", b"fail\n", b"3\n")], Limits(),
              Checker("testlib", program=TESTLIB_CHECKER))
    with pytest.raises(CheckerError):
        judge(pool, [Program("python3", "print(1)")], [Test("t", b"", b"broken\n")], Limits(),
              Checker("kattis", program=KATTIS_VALIDATOR))


def test_closing_the_pool_removes_its_containers():
    from sandbox.pool import LABEL, DockerPool, SandboxOptions

    with DockerPool(SandboxOptions(workers=1)) as single:
        names = {worker.container.name for worker in single.workers}
        client = single.client
    left = {c.name for c in client.containers.list(all=True, filters={"label": LABEL})}
    assert names and not names & left


def test_cpsolve_test_command_judges_one_program(tmp_path, problems_dir):
    import json

    from typer.testing import CliRunner

    from cli.main import app

    right = tmp_path / "sum.cpp"
    right.write_text(SUM_CPP.source)
    wrong = tmp_path / "diff.py"
    wrong.write_text("a, b = map(int, input().split())\nprint(a - b)\n")
    problem = str(problems_dir / "sum-of-two")
    runner = CliRunner()
    passed = runner.invoke(app, ["test", str(right), problem, "--all", "--json", "--workers", "2"])
    assert passed.exit_code == 0, passed.output
    report = json.loads(passed.stdout)
    assert report["verdict"] == "OK" and len(report["tests"]) > 2
    assert set(report["tests"][0]) >= {"name", "verdict", "time_s", "memory_mb"}
    failed = runner.invoke(app, ["test", str(wrong), problem, "--json", "--workers", "1"])
    assert failed.exit_code == 1
    assert json.loads(failed.stdout)["verdict"] == "WA"
    unknown = runner.invoke(app, ["test", str(tmp_path / "x.rb"), problem])
    assert unknown.exit_code == 2
