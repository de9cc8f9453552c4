"""What the sandbox executes and what it reports back.

The sandbox knows programs, inputs and limits; it knows nothing of problems, models or clusters.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from enum import Enum

# python3 is CPython, pypy3 the same language on PyPy's JIT (the same .py files; see
# language_of); java is Java 17 (OpenJDK).
LANGUAGES = ("python3", "pypy3", "cpp17", "java")
# Compiled once per distinct source (the pool compiles on one worker and ships the result to the
# others; the runner caches it by Program.key): a C++ binary, a Java program's classes as a jar.
COMPILED_LANGUAGES = frozenset({"cpp17", "java"})


class SandboxError(Exception):
    """The sandbox could not evaluate at all (no engine, no image, a runner that keeps dying, a
    checker that fails). Distinct from a program failing, which is a RunResult verdict.
    """


class Verdict(str, Enum):
    """Outcome of one run. OK means the program ran within limits; WA is only set by a checker."""

    OK = "OK"  # exited with code 0 (output not checked yet, or checked and accepted)
    WA = "WA"  # wrong answer, decided by a checker
    TLE = "TLE"  # CPU time or wall time over the limit
    MLE = "MLE"  # memory over the limit
    RE = "RE"  # non-zero exit code or killed by a signal
    OLE = "OLE"  # wrote more output than allowed
    CE = "CE"  # did not compile
    # Not run (or, with a custom checker, run but not checked): an earlier test of the same
    # program failed first, and the caller asked to stop there (judge(...,
    # stop_at_first_failure=True)). Says nothing about this test: not a pass, nor a failure.
    SKIPPED = "SKIPPED"


EXTENSIONS = {".py": "python3", ".cpp": "cpp17", ".cc": "cpp17", ".cxx": "cpp17",
              ".java": "java"}
# The extension a program of each language is saved with (pypy3's files are .py files too).
SOURCE_EXTENSIONS = {"python3": ".py", "pypy3": ".py", "cpp17": ".cpp", "java": ".java"}
# A .py file is run with PyPy when its first line is a shebang naming it, as problemtools tells
# Python 2 from 3: `#!/usr/bin/env pypy3` (or `#!/usr/bin/pypy3`). The file stays runnable as is.
PYPY_SHEBANG = re.compile(r"#![^\n]*\bpypy3?\b")
PYPY_LINE = "#!/usr/bin/env pypy3\n"  # what marks a saved pypy3 program (sandbox.jobs.marked)


def language_of(filename: str, source: str | None = None) -> str | None:
    """The language of a program file: by its extension (.py python3; .cpp/.cc/.cxx cpp17;
    .java java), else None. Given the source, a .py file whose first line is a shebang naming
    pypy3 is pypy3. Without it, every .py file is python3 (enough to tell a program file)."""
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    language = EXTENSIONS.get(suffix)
    if language == "python3" and source is not None and PYPY_SHEBANG.match(source):
        return "pypy3"
    return language


def marked(program: Program) -> str:
    """The program's source as a file of its own: a pypy3 program gets the shebang that tells
    language_of so (unless it has it), so the file is judged as what it was."""
    if program.language == "pypy3" and not PYPY_SHEBANG.match(program.source):
        return PYPY_LINE + program.source
    return program.source


@dataclass(frozen=True)
class Program:
    """A program to run: its language (one of LANGUAGES) and its source text.

    `headers` are extra files compiled beside the source (name, text), e.g. a checker's
    testlib.h or validate.h; they are part of the compile-cache key.
    """

    language: str
    source: str
    headers: tuple[tuple[str, str], ...] = ()

    @functools.cached_property  # asked for several times per run; the program never changes
    def key(self) -> str:
        """Hash of the exact source, headers and language: the compile-cache key."""
        digest = hashlib.sha256(f"{self.language}\0{self.source}".encode())
        for name, text in self.headers:
            digest.update(f"\0{name}\0{text}".encode())
        return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Limits:
    """Resource limits for one run. Defaults follow Kattis (2 s was Codeforces' usual time)."""

    time_s: float = 2.0  # CPU time; wall time allowed is wall_factor x this (sleeping counts there)
    memory_mb: int = 1024  # address-space / peak-memory limit of the program
    output_mb: int = 64  # stdout larger than this is OLE
    wall_factor: float = 2.0
    processes: int = 64  # processes and threads the program may hold at once (RLIMIT_NPROC)
    file_mb: int = 64  # largest file the program may write, stdout included (RLIMIT_FSIZE)
    open_files: int = 64  # file descriptors the program may hold (RLIMIT_NOFILE)

    @property
    def wall_s(self) -> float:
        return self.time_s * self.wall_factor + 0.5


@dataclass(frozen=True)
class Job:
    """Run `program` once on `input` under `limits`.

    Checkers need more than stdin: `files` are written read-only into the scratch dir before the
    run, `args` follow the program on its command line, and with `feedback_dir` set an empty
    writable folder `feedback/` is made and its judgemessage.txt returned (Kattis validators).
    """

    program: Program
    input: bytes
    limits: Limits = field(default_factory=Limits)
    args: tuple[str, ...] = ()
    files: tuple[tuple[str, bytes], ...] = ()
    feedback_dir: bool = False
    # An interactive problem's interactor, run at the same time as the program and wired to it:
    # the interactor's stdout is the program's stdin, and the program's stdout (relayed by the
    # runner, which records it) the interactor's stdin. `input` is then unused. The interactor
    # runs as a uid of its own in a folder the program cannot read (its `files`, `args` and
    # `feedback_dir` are set up there), under its own `limits`; its own `input` and
    # `interactor` are unused. Caveat: the interactor's slowness counts in the program's wall
    # time (the program waits for its answers), never in its CPU time.
    interactor: Job | None = None

    @property
    def wall_s(self) -> float:
        """The longest this job may take: the program's wall time, and its interactor's after
        it (an interactor may still be deciding once the program has used all of its own)."""
        return self.limits.wall_s + (self.interactor.limits.wall_s if self.interactor else 0.0)


@dataclass
class RunResult:
    """What one run did. Produced for every job the sandbox could evaluate, failures included.

    Caveats: cpu_s and memory_mb come from wait4 rusage of the program itself. A compiled
    program is vforked from a tiny launcher, so the runner's own pages are not counted. A Python
    program is forked from a warm interpreter: its ~8 MB are counted (as a fresh interpreter's
    would be), but its start-up is not, so cpu_s and wall_s are ~10 ms below a cold
    `python3 prog.py`. memory_mb is the peak resident set, not the address space the limit is set
    on. wall_s includes process start-up (~0.5 ms for C++, ~1 ms for a Python fork).
    PyPy and Java start cold, as on a judge, and their start-up counts in cpu_s (~35 ms for
    pypy3, ~65 ms for the JVM, whose JIT and GC threads count too) and memory_mb (~48 MB,
    ~35 MB). A Java program's heap may use the whole memory limit (-Xmx); the JVM's address
    space gets more (sandbox/runner.py JVM_RESERVE_MB), so its peak RSS may pass the limit a
    little in a run that is still OK.
    """

    verdict: Verdict
    cpu_s: float = 0.0
    wall_s: float = 0.0
    memory_mb: float = 0.0
    exit_code: int | None = None  # None when killed by a signal
    signal: int | None = None
    # All of stdout when within the output limit (a big answer can still be checked); for OLE
    # only its first 64 KB (an over-long output is never read, nor sent, whole).
    stdout: bytes = b""
    # Last 4 KB of stderr, or the compiler's message for CE. Stderr is a pipe the runner drains,
    # not a file: it counts for no limit, so a program flooding it ends as TLE, not OLE.
    stderr_tail: str = ""
    checker_message: str = ""  # why a checker rejected (or the checker's feedback); "" if none
    # What a Kattis scoring output validator wrote to feedback/score.txt (its last 256 bytes),
    # as text; None when the job had no feedback dir or the file was not written.
    score_text: str | None = None
    # With an interactor (Job.interactor): its own run, as a checker's run reads (exit code,
    # stderr tail, feedback in checker_message; its stdout is never kept). None for a job
    # without one, and when it never started (the program did not compile, or was SKIPPED).
    # sandbox.tester turns it into the verdict; this result's own `stdout` is then the
    # transcript of the program's side (all it printed, as relayed to the interactor), which is
    # what clustering compares. The interactor's side is not recorded.
    interactor: RunResult | None = None
    # Whether the interactor ended before the program did (problemtools' "validator first": its
    # rejection then stands even if the program, cut off, went on to crash or time out). Exact
    # in order, not in time: the program sees the end of its input only once the runner has
    # noted the interactor's end.
    interactor_first: bool = False
