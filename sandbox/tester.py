"""The one narrow interface the solver judges programs through.

`judge(executor, programs, tests, limits, flags)` runs every program on every test and applies the
checker: a result per (program, test), with WA set where the checker rejects the output. Programs
that fail (CE, RE, TLE, ...) get verdicts; only an executor that cannot run at all raises
(SandboxError).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sandbox.checkers import ValidatorFlags, check
from sandbox.jobs import Job, Limits, Program, RunResult, Verdict


class Executor(Protocol):
    def run(
        self, jobs: Sequence[Job], on_result: Callable[[int, RunResult], None] | None = None
    ) -> list[RunResult]: ...


@dataclass(frozen=True)
class Test:
    """An input, and the expected answer when there is one (None: only run, do not check)."""

    __test__ = False  # not a pytest class

    name: str
    input: bytes
    expected: bytes | None = None


def judge(
    executor: Executor,
    programs: Sequence[Program],
    tests: Sequence[Test],
    limits: Limits,
    flags: ValidatorFlags,
    on_result: Callable[[int, RunResult], None] | None = None,
) -> dict[str, list[RunResult]]:
    """Run all programs on all tests; results keyed by Program.key, in test order."""
    jobs = [Job(program, test.input, limits) for program in programs for test in tests]
    results = executor.run(jobs, on_result) if jobs else []
    by_program: dict[str, list[RunResult]] = {}
    for index, (job, result) in enumerate(zip(jobs, results, strict=True)):
        test = tests[index % len(tests)]
        by_program.setdefault(job.program.key, []).append(apply_checker(result, test, flags))
    return by_program


def apply_checker(result: RunResult, test: Test, flags: ValidatorFlags) -> RunResult:
    if result.verdict is not Verdict.OK or test.expected is None:
        return result
    if check(result.stdout, test.expected, flags).accepted:
        return result
    return replace(result, verdict=Verdict.WA)


def overall(results: Sequence[RunResult]) -> Verdict:
    """The first non-OK verdict, or OK when every test passed."""
    for result in results:
        if result.verdict is not Verdict.OK:
            return result.verdict
    return Verdict.OK
