"""Live checks that every limit of the sandbox really holds (`cpsolve sandbox doctor`).

Each check runs a small program that tries to break one limit and says what the verdict (and,
where it matters, the output) must be.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sandbox.jobs import Job, Limits, Program, RunResult, Verdict


@dataclass(frozen=True)
class LimitCheck:
    name: str  # what holds when the check passes
    job: Job
    passes: Callable[[RunResult], bool]


def python(source: str, **limits) -> Job:
    return Job(Program("python3", source), b"", Limits(**limits))


def cpp(source: str, **limits) -> Job:
    return Job(Program("cpp17", source), b"", Limits(**limits))


def interactive(source: str, interactor: str) -> Job:
    """A Python program wired to a Python interactor (Kattis-style, its input file `secret`)."""
    return Job(Program("python3", source), b"", Limits(time_s=0.5), interactor=Job(
        Program("python3", interactor), b"", Limits(), ("input", "answer", "feedback/"),
        (("input", b"secret\n"), ("answer", b"")), feedback_dir=True))


LIMIT_CHECKS = [
    LimitCheck("runs Python", python("print('ok')"), lambda r: r.stdout == b"ok\n"),
    LimitCheck("compiles and runs C++", cpp("#include <cstdio>\nint main(){std::puts(\"ok\");}"),
               lambda r: r.stdout == b"ok\n"),
    LimitCheck("runs PyPy", Job(Program("pypy3", "import sys; print(sys.implementation.name)"),
                                b""), lambda r: r.stdout == b"pypy\n"),
    LimitCheck("compiles and runs Java", Job(Program("java", "public class Main { public static "
                                                     "void main(String[] a) { "
                                                     "System.out.println(\"ok\"); } }"), b""),
               lambda r: r.stdout == b"ok\n"),
    LimitCheck("CPU time limit (TLE)", python("while True: pass", time_s=0.5),
               lambda r: r.verdict is Verdict.TLE),
    LimitCheck("wall time limit: a sleeper is TLE", python("import time; time.sleep(60)",
                                                           time_s=0.5),
               lambda r: r.verdict is Verdict.TLE and r.wall_s < 5),
    LimitCheck("memory limit (MLE)", python("x = bytearray(512 << 20)", memory_mb=128),
               lambda r: r.verdict is Verdict.MLE),
    LimitCheck("process limit", python(
        "import os\nn = 0\nfor _ in range(20):\n    try:\n        if os.fork() == 0:\n"
        "            import time; time.sleep(1); os._exit(0)\n        n += 1\n"
        "    except OSError:\n        pass\nprint(n)", processes=5),
               lambda r: r.verdict is Verdict.OK and r.stdout.strip().isdigit()
               and int(r.stdout) < 5),
    LimitCheck("output limit (OLE)", cpp("#include <cstdio>\nint main(){for(;;)puts(\"x\");}",
                                         output_mb=1),
               lambda r: r.verdict is Verdict.OLE),
    LimitCheck("file size limit", python("open('f', 'wb').write(b'x' * (2 << 20))", file_mb=1),
               lambda r: r.verdict is Verdict.OLE),
    LimitCheck("open files limit", python(
        "try:\n    [open('/dev/null') for _ in range(50)]\nexcept OSError:\n    print('limited')",
        open_files=16), lambda r: r.stdout == b"limited\n"),
    LimitCheck("no network", python(
        "import socket\ns = socket.socket()\ns.settimeout(1)\ntry:\n"
        "    s.connect(('1.1.1.1', 53)); print('connected')\nexcept OSError:\n    print('none')"),
               lambda r: r.stdout == b"none\n"),
    LimitCheck("interactive: program and interactor talk; its secret input closed to the program",
               interactive(
                   "input()\ntry:\n    open('/sandbox/interactor/input').read(); seen = 'open'\n"
                   "except OSError:\n    seen = 'closed'\nprint('pong', seen, flush=True)",
                   "import sys\nprint('ping', flush=True)\n"
                   "sys.exit(42 if input() == 'pong closed' else 43)"),
               lambda r: r.verdict is Verdict.OK and r.stdout == b"pong closed\n"
               and r.interactor is not None and r.interactor.exit_code == 42),
    LimitCheck("unprivileged user, no writes outside scratch", python(
        "import os\nbad = os.getuid() == 0\nfor p in ('/etc/x', '/tmp/x', '/sandbox/x'):\n"
        "    try:\n        open(p, 'w'); bad = True\n    except OSError:\n        pass\n"
        "open('scratch-file', 'w').write('x')\nprint('bad' if bad else 'ok')"),
               lambda r: r.stdout == b"ok\n"),
    LimitCheck("no process outlives its run, scratch wiped", python(
        "import os\nmine = [p for p in os.listdir('/proc') if p.isdigit()\n"
        "        and os.stat('/proc/' + p).st_uid == os.getuid() and int(p) != os.getpid()]\n"
        "print(len(mine), os.path.exists('scratch-file'))"),
               lambda r: r.stdout == b"0 False\n"),
    LimitCheck("compile error is CE", cpp("int main( {"), lambda r: r.verdict is Verdict.CE),
]


def run_limit_checks(executor) -> list[tuple[LimitCheck, RunResult, bool]]:
    """Run every check in order (on one worker, the last two depend on the one before)."""
    results = executor.run([check.job for check in LIMIT_CHECKS])
    return [(check, result, check.passes(result))
            for check, result in zip(LIMIT_CHECKS, results, strict=True)]
