"""The one narrow interface the solver (and `cpsolve test`) judges programs through.

`judge(executor, programs, tests, limits, checker)` runs every program on every test and applies the
checker: a result per (program, test), with WA set where the checker rejects the output. Programs
that fail (CE, RE, TLE, ...) get verdicts; only an executor that cannot run at all, or a custom
checker that fails, raises (SandboxError, CheckerError).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sandbox.checkers import (
    Checker,
    ValidatorFlags,
    as_checker,
    check_builtin,
    checker_job,
    checker_verdict,
)
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
    checker: Checker | ValidatorFlags,
    on_result: Callable[[int, RunResult], None] | None = None,
) -> dict[str, list[RunResult]]:
    """Run all programs on all tests; results keyed by Program.key, in test order.

    A custom checker (testlib, Kattis output validator) runs in the sandbox after all programs,
    once per accepted-so-far run; `on_result` reports the programs' runs only.
    """
    checker = as_checker(checker)
    jobs = [Job(program, test.input, limits) for program in programs for test in tests]
    results = list(executor.run(jobs, on_result)) if jobs else []
    tests_of_jobs = [tests[index % len(tests)] for index in range(len(jobs))]
    to_check = [
        index
        for index, (result, test) in enumerate(zip(results, tests_of_jobs, strict=True))
        if result.verdict is Verdict.OK and test.expected is not None
    ]
    if checker.program is not None:
        checker_jobs = [
            checker_job(checker, tests_of_jobs[i].input, results[i].stdout,
                        tests_of_jobs[i].expected or b"")
            for i in to_check
        ]
        checked = executor.run(checker_jobs) if checker_jobs else []
        for index, checker_run in zip(to_check, checked, strict=True):
            verdict = checker_verdict(checker, checker_run)
            results[index] = with_check(results[index], verdict.accepted, verdict.message)
    else:
        for index in to_check:
            expected = tests_of_jobs[index].expected or b""
            verdict = check_builtin(results[index].stdout, expected, checker)
            results[index] = with_check(results[index], verdict.accepted, verdict.message)
    by_program: dict[str, list[RunResult]] = {program.key: [] for program in programs}
    for job, result in zip(jobs, results, strict=True):
        by_program[job.program.key].append(result)
    return by_program


def with_check(result: RunResult, accepted: bool, message: str) -> RunResult:
    verdict = Verdict.OK if accepted else Verdict.WA
    return replace(result, verdict=verdict, checker_message=message)


def overall(results: Sequence[RunResult]) -> Verdict:
    """The first non-OK verdict, or OK when every test passed."""
    for result in results:
        if result.verdict is not Verdict.OK:
            return result.verdict
    return Verdict.OK
