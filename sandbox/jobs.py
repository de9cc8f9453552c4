"""What the sandbox executes and what it reports back.

The sandbox knows programs, inputs and limits; it knows nothing of problems, models or clusters.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum

LANGUAGES = ("python3", "cpp17")


class Verdict(str, Enum):
    """Outcome of one run. OK means the program ran within limits; WA is only set by a checker."""

    OK = "OK"  # exited with code 0 (output not checked yet, or checked and accepted)
    WA = "WA"  # wrong answer, decided by a checker
    TLE = "TLE"  # CPU time or wall time over the limit
    MLE = "MLE"  # memory over the limit
    RE = "RE"  # non-zero exit code or killed by a signal
    OLE = "OLE"  # wrote more output than allowed
    CE = "CE"  # did not compile


@dataclass(frozen=True)
class Program:
    """A program to run: its language (one of LANGUAGES) and its source text."""

    language: str
    source: str

    @property
    def key(self) -> str:
        """Hash of the exact source and language: the compile-cache key."""
        return hashlib.sha256(f"{self.language}\0{self.source}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Limits:
    """Resource limits for one run. Defaults follow Kattis (2 s was Codeforces' usual time)."""

    time_s: float = 2.0  # CPU time; wall time allowed is wall_factor x this (sleeping counts there)
    memory_mb: int = 1024  # address-space / peak-memory limit of the program
    output_mb: int = 64  # stdout larger than this is OLE
    wall_factor: float = 2.0
    processes: int = 64  # pids the program may hold at once (fork bombs stop here)

    @property
    def wall_s(self) -> float:
        return self.time_s * self.wall_factor + 0.5


@dataclass(frozen=True)
class Job:
    """Run `program` once on `input` under `limits`."""

    program: Program
    input: bytes
    limits: Limits = field(default_factory=Limits)


@dataclass
class RunResult:
    """What one run did. Produced for every job the sandbox could evaluate, failures included.

    Caveats: cpu_s and memory_mb come from wait4 rusage, so memory_mb is the peak resident set
    (the interpreter's own ~10 MB for Python included); wall_s includes process start-up.
    """

    verdict: Verdict
    cpu_s: float = 0.0
    wall_s: float = 0.0
    memory_mb: float = 0.0
    exit_code: int | None = None  # None when killed by a signal
    signal: int | None = None
    stdout: bytes = b""  # capped at the output limit
    stderr_tail: str = ""  # last few KB of stderr, or the compiler's message for CE
