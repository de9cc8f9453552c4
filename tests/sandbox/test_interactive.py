"""Interactive runs in the real sandbox: a program and its interactor wired by pipes, in one
container, the program under the problem's limits and the interactor under its own; the
interactor's verdict is the verdict, and an interactor that fails is a judge error."""

from __future__ import annotations

import pytest

from sandbox.checkers import Checker, CheckerError
from sandbox.jobs import Job, Limits, Program, RunResult, SandboxError, Verdict
from sandbox.tester import Test, judge

pytestmark = pytest.mark.integration

# Guess the number, Kattis-style (exit 42/43, feedback in judgemessage.txt): the input file is
# `n x`; the program asks `? y`, gets <, > or =, and must answer `! x` within n.bit_length()
# questions.
KATTIS_GUESS = r"""
import sys
n, x = map(int, open(sys.argv[1]).read().split())
def finish(code, message):
    open(sys.argv[3] + "judgemessage.txt", "w").write(message)
    sys.exit(code)
print(n, flush=True)
asked = 0
while True:
    line = sys.stdin.readline()
    if not line:
        finish(43, "no answer")
    kind, value = line.split()
    if kind == "!":
        finish(42 if int(value) == x else 43, "answered " + value)
    asked += 1
    if asked > n.bit_length():
        finish(43, "too many questions")
    y = int(value)
    print("<" if x < y else ">" if x > y else "=", flush=True)
"""
# The same game, testlib-style in C++ (exit 0 OK, 1 WA, 2 PE; `output` is its own file).
TESTLIB_GUESS = r"""
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
int main(int argc, char **argv) {
    long long n, x, y, asked = 0;
    std::ifstream(argv[1]) >> n >> x;
    std::ofstream output(argv[2]);
    std::cout << n << std::endl;
    std::string kind;
    while (std::cin >> kind >> y) {
        if (kind == "!") {
            output << asked << std::endl;
            if (y == x) return 0;
            std::cerr << "answered " << y << std::endl;
            return 1;
        }
        if (++asked > 64 - __builtin_clzll(n)) { std::cerr << "too many questions\n"; return 1; }
        std::cout << (x < y ? "<" : x > y ? ">" : "=") << std::endl;
    }
    std::cerr << "unexpected end of the program's output\n";
    return 2;
}
"""
BINARY_SEARCH = """
n = int(input())
low, high = 1, n
while True:
    guess = (low + high) // 2
    print("?", guess, flush=True)
    reply = input()
    if reply == "=":
        print("!", guess, flush=True)
        break
    low, high = (low, guess - 1) if reply == "<" else (guess + 1, high)
"""
BINARY_SEARCH_CPP = r"""
#include <iostream>
#include <string>
int main() {
    long long n, low = 1, high, guess;
    std::cin >> n;
    high = n;
    std::string reply;
    while (true) {
        guess = (low + high) / 2;
        std::cout << "? " << guess << std::endl;
        std::cin >> reply;
        if (reply == "=") break;
        if (reply == "<") high = guess - 1; else low = guess + 1;
    }
    std::cout << "! " << guess << std::endl;
}
"""
LINEAR_SEARCH = """
n = int(input())
for guess in range(1, n + 1):
    print("?", guess, flush=True)
    if input() == "=":
        print("!", guess, flush=True)
        break
"""
IDLE = "import time\ntime.sleep(600)\n"  # reads nothing, says nothing
EARLY_EXIT = "print('? 1', flush=True)\n"  # one question, then exit 0 without an answer
CRASH = "raise SystemExit(3)\n"  # exits non-zero before the interactor decides

KATTIS = Checker("kattis", program=Program("python3", KATTIS_GUESS), interactive=True)
TESTLIB = Checker("testlib", program=Program("cpp17", TESTLIB_GUESS), interactive=True)
TESTS = [Test("small", b"10 3\n"), Test("large", b"1000000000 123456789\n", b"123456789\n")]
LIMITS = Limits(time_s=1.0)  # wall: 2.5 s (this machine may be busy with other work)


def python(source: str) -> Program:
    return Program("python3", source)


def verdicts(pool, programs: list[Program], checker: Checker, limits: Limits = LIMITS,
             tests: list[Test] = TESTS) -> list[list[RunResult]]:
    results = judge(pool, programs, tests, limits, checker)
    return [results[program.key] for program in programs]


@pytest.mark.parametrize("checker", [KATTIS, TESTLIB], ids=["kattis-python", "testlib-cpp"])
def test_right_wrong_idle_early_and_crashing_programs(pool, checker):
    right, right_cpp, linear, idle, early, crash = verdicts(pool, [
        python(BINARY_SEARCH), Program("cpp17", BINARY_SEARCH_CPP), python(LINEAR_SEARCH),
        python(IDLE), python(EARLY_EXIT), python(CRASH)], checker)
    assert [run.verdict for run in right] == [Verdict.OK, Verdict.OK]
    assert [run.verdict for run in right_cpp] == [Verdict.OK, Verdict.OK]
    # The transcript of the program's side is its stdout: what clustering compares.
    assert right[0].stdout == b"? 5\n? 2\n? 3\n! 3\n" == right_cpp[0].stdout
    assert right[0].interactor is not None and right[0].interactor.exit_code in (0, 42)
    # Linear search is right on a small n, out of questions on a large one.
    assert [run.verdict for run in linear] == [Verdict.OK, Verdict.WA]
    assert "too many questions" in linear[1].checker_message
    # Waiting forever is TLE on wall time, not the WA of an interactor that then read EOF.
    assert [run.verdict for run in idle] == [Verdict.TLE, Verdict.TLE]
    assert all(LIMITS.wall_s - 0.1 < run.wall_s < LIMITS.wall_s + 3 for run in idle)
    # Exiting without an answer: the interactor reads end-of-file and decides.
    assert [run.verdict for run in early] == [Verdict.WA, Verdict.WA]
    assert early[0].stdout == b"? 1\n"
    assert not early[0].interactor_first
    # A crash before the interactor decided is the program's own failure.
    assert [run.verdict for run in crash] == [Verdict.RE, Verdict.RE]
    assert crash[0].exit_code == 3


def test_a_rejection_first_is_wa_even_when_the_cut_off_program_then_crashes(pool):
    # Out of questions on the large test: the interactor quits with WA; the program, reading
    # end-of-file, dies of an EOFError (exit 1). The interactor was first: WA.
    [linear] = verdicts(pool, [python(LINEAR_SEARCH)], KATTIS, tests=TESTS[1:])
    assert linear[0].verdict is Verdict.WA and linear[0].interactor_first
    assert "EOFError" in linear[0].stderr_tail


INTERACTOR_FAILURES = {
    "python traceback": ("kattis", "python3", "import sys\nprint(1, flush=True)\n"
                         "raise ValueError('broken interactor')"),
    "kattis exit 0": ("kattis", "python3", "print(1, flush=True)\ninput()\n"),
    "testlib FAIL": ("testlib", "python3", "import sys\nsys.exit(3)"),
    "segfault": ("testlib", "cpp17", "int main() { volatile int *p = 0; return *p; }"),
    "does not compile": ("kattis", "cpp17", "int main( {"),
}


@pytest.mark.parametrize("failure", sorted(INTERACTOR_FAILURES))
def test_an_interactor_that_fails_is_a_judge_error_not_a_program_verdict(pool, failure):
    kind, language, source = INTERACTOR_FAILURES[failure]
    checker = Checker(kind, program=Program(language, source), interactive=True)
    with pytest.raises(CheckerError, match="the interactor") as raised:
        verdicts(pool, [python(BINARY_SEARCH)], checker, tests=TESTS[:1])
    assert isinstance(raised.value, SandboxError)  # what cli reports as an infrastructure error


def test_an_interactor_gone_before_the_program_starts_reading_is_no_hang(pool):
    # It rejects at once, often before the program has even opened its input: that open must
    # find end-of-file, not wait (as root, out of any kill's reach) for a writer.
    at_once = Checker("kattis", program=Program("cpp17", "int main() { return 43; }"),
                      interactive=True)
    runs = verdicts(pool, [python(BINARY_SEARCH)], at_once, tests=TESTS * 4)[0]
    assert [run.verdict for run in runs] == [Verdict.WA] * 8
    assert all(run.wall_s < LIMITS.wall_s for run in runs)


def test_an_interactor_that_never_ends_is_a_judge_error_after_its_own_wall_time(pool):
    # It ignores end-of-file and sleeps: killed after the program's wall time and its own.
    sleeper = Program("python3", "import time\nprint(1, flush=True)\ntime.sleep(600)")
    checker = Checker("kattis", program=sleeper, interactive=True, limits=Limits(time_s=0.5))
    with pytest.raises(CheckerError, match=r"the interactor failed \(TLE\)"):
        verdicts(pool, [python(EARLY_EXIT)], checker, tests=TESTS[:1])


# After the program has ended (it reads `!`), this interactor uses more CPU time and memory than
# the program may, and waits a while: none of that is held against the program.
HUNGRY_INTERACTOR = KATTIS_GUESS.replace(
    '    if kind == "!":\n',
    '    if kind == "!":\n'
    '        import time\n'
    '        hoard = bytearray(400 << 20)\n'
    '        spent = time.process_time()\n'
    '        while time.process_time() - spent < 0.6:\n'
    '            pass\n')


def test_limits_apply_to_the_program_not_to_the_interactor(pool):
    hungry = Checker("kattis", program=Program("python3", HUNGRY_INTERACTOR), interactive=True)
    tight = Limits(time_s=0.3, memory_mb=128)
    [right] = verdicts(pool, [python(BINARY_SEARCH)], hungry, tight, TESTS[:1])
    assert right[0].verdict is Verdict.OK, right[0].interactor
    assert right[0].interactor is not None
    assert right[0].interactor.cpu_s > 0.6 > tight.time_s
    assert right[0].interactor.memory_mb > 400 > tight.memory_mb
    assert right[0].cpu_s < tight.time_s and right[0].wall_s < tight.wall_s


@pytest.mark.parametrize(("source", "verdict"), [
    ("n = int(input())\nhoard = bytearray(512 << 20)\nprint('! 1', flush=True)", Verdict.MLE),
    ("n = int(input())\nwhile True:\n    pass", Verdict.TLE),
    ("import sys\nn = int(input())\nwhile True:\n    sys.stdout.write('? 1\\n' * 1000)",
     Verdict.OLE),
], ids=["memory", "cpu", "output"])
def test_the_program_keeps_its_own_limits(pool, source, verdict):
    # This interactor reads all the program says, then accepts: the program's own failure is
    # what stands (the output limit is kept by the runner's relay: stdout is a pipe here).
    swallower = Checker("kattis", program=python(
        "import sys\nprint(10, flush=True)\nsys.stdin.buffer.read()\nsys.exit(42)"),
        interactive=True)
    [run] = verdicts(pool, [python(source)], swallower, Limits(time_s=0.5, memory_mb=128,
                                                               output_mb=1), TESTS[:1])
    assert run[0].verdict is verdict, (run[0], run[0].interactor)
    if verdict is Verdict.OLE:  # the relay stopped it at the limit: only the head is kept
        assert run[0].stdout.startswith(b"? 1\n") and len(run[0].stdout) <= 64 * 1024


PRYING = """
import os, signal, sys
n = int(input())
try:
    open('/sandbox/interactor/input').read()
    seen = 'read'
except OSError:
    seen = 'closed'
killed = 'none'
for pid in filter(str.isdigit, os.listdir('/proc')):
    try:
        uid = os.stat('/proc/' + pid).st_uid
    except OSError:
        continue
    if uid not in (0, os.getuid()):  # neither root's nor ours: the interactor
        try:
            os.kill(int(pid), signal.SIGKILL)
            killed = 'killed'
        except PermissionError:
            killed = 'denied'
print(seen, killed, file=sys.stderr)
print('! 3', flush=True)
"""


def test_the_program_can_neither_read_the_secret_nor_signal_the_interactor(pool):
    [run] = verdicts(pool, [python(PRYING)], KATTIS, tests=TESTS[:1])
    assert run[0].stderr_tail.split() == ["closed", "denied"]
    assert run[0].verdict is Verdict.OK  # the interactor lived to accept the answer


LEAVES_A_CHILD = """
import os
if os.fork() == 0:
    os.setsid()
    os.execv('/bin/sleep', ['sleep', '600'])
"""


def test_no_process_is_left_behind(pool):
    program = python(LEAVES_A_CHILD + BINARY_SEARCH)
    checker = Checker("kattis", program=Program("python3", LEAVES_A_CHILD + KATTIS_GUESS),
                      interactive=True)
    results = verdicts(pool, [program], checker, tests=TESTS * 2)
    assert [run.verdict for run in results[0]] == [Verdict.OK] * 4
    for worker in pool.workers:
        top = worker.container.top()
        uid = top["Titles"].index("UID")
        owners = {process[uid] for process in top["Processes"]}
        assert owners <= {"root", "0"}, top["Processes"]  # the runner and its helpers only


def test_no_container_is_left_behind():
    import docker

    from sandbox.pool import POOL_LABEL, DockerPool, SandboxOptions

    with DockerPool(SandboxOptions(workers=1)) as own:
        label = own.labels[POOL_LABEL]
        [run] = own.run([Job(python(IDLE), b"", Limits(time_s=0.2), interactor=Job(
            KATTIS.program, b"", KATTIS.limits, ("input", "answer", "feedback/"),
            (("input", b"10 7\n"), ("answer", b"")), feedback_dir=True))])
        assert run.verdict is Verdict.TLE and run.interactor is not None
        assert own.workers[0].restarts == 0  # the runner never failed on it
    left = docker.from_env().containers.list(all=True, filters={"label": f"{POOL_LABEL}={label}"})
    assert left == []
