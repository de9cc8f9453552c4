"""The one narrow interface the solver (and `cpsolve test`) judges programs through.

`judge(executor, programs, tests, limits, checker)` runs every program on every test and applies the
checker: a result per (program, test), with WA set where the checker rejects the output. Programs
that fail (CE, RE, TLE, ...) get verdicts; only an executor that cannot run at all, or a custom
checker that fails, raises (SandboxError, CheckerError). With `stop_at_first_failure`, a program
stops at its first failing test, as judges do; the tests it then never ran are SKIPPED.

An interactive checker (Checker.interactive) is the same call: each run then carries the
interactor (Job.interactor), which decides the verdict as the run ends (checkers.
interaction_verdict); the result's stdout is what the program printed to it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sandbox.checkers import (
    Checker,
    CheckerError,
    ValidatorFlags,
    as_checker,
    check_builtin,
    checker_job,
    checker_verdict,
    interaction_verdict,
    interactor_job,
)
from sandbox.jobs import Job, Limits, Program, RunResult, Verdict


class Executor(Protocol):
    def run(
        self,
        jobs: Sequence[Job],
        on_result: Callable[[int, RunResult], None] | None = None,
        should_skip: Callable[[int], bool] | None = None,
    ) -> list[RunResult]:
        """One result per job, in order. on_result(index, result) as each ends. should_skip
        (optional: judge passes it only to stop at first failures, or after an interactor's
        failure) is asked before a job starts; True cancels it, and its result is
        RunResult(Verdict.SKIPPED)."""
        ...


@dataclass(frozen=True)
class Test:
    """An input, and the expected answer when there is one (None: only run, do not check).

    With an interactive checker the input is the interactor's input file and the answer its
    answer file (None: an empty one); the interactor judges every run, answer or not: without
    it the program has nobody to talk to."""

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
    *,
    stop_at_first_failure: bool = False,
) -> dict[str, list[RunResult]]:
    """Run all programs on all tests; results keyed by Program.key, in test order.

    on_result(index, result) reports each (program, test) once, as it ends, with index =
    program's position * len(tests) + test's position: checked already by the builtin checker
    or an interactor; with a custom checker (testlib, Kattis output validator), which runs in
    the sandbox after the programs, before checking. SKIPPED tests are reported too. An
    interactor that fails raises CheckerError once the runs already started have ended (the
    rest are not started).

    stop_at_first_failure: once a program fails a test (any verdict but OK, WA included: the
    builtin checker checks each run as it ends), its tests after that one are not started, and
    their results are RunResult(Verdict.SKIPPED); its earlier tests still run, so overall() is
    exactly the full run's (same verdict, same test), and so is pass/fail. Jobs then run
    test-major (every program's first test early, then every program's second, ...), so that
    failures show before the programs' other tests start. The trade-off: per-test verdicts and
    counts after a failure are lost (SKIPPED is neither a pass nor a failure of that test); a
    few jobs already sent ahead to a container still run. With a custom checker, a run failure
    (TLE, RE, ...) cancels at once; a WA is known only once the checker ran, so every program's
    first test is run and checked first, then the rest of the tests for the programs that
    passed it (two rounds: a program wrong on a later test runs all its tests). An interactor
    decides as each run ends, as the builtin checker does: one round.
    """
    checker = as_checker(checker)
    by_position: list[list[RunResult | None]] = [[None] * len(tests) for _ in programs]
    if programs and tests:
        state = _Judging(executor, programs, tests, limits, checker, on_result,
                         stop_at_first_failure)
        custom_two_rounds = stop_at_first_failure and checker.runs_after
        for round_tests in ([range(0, 1), range(1, len(tests))] if custom_two_rounds
                            else [range(len(tests))]):
            state.run_round(round_tests, by_position)
    by_program: dict[str, list[RunResult]] = {program.key: [] for program in programs}
    for position, program in enumerate(programs):
        by_program[program.key] += [result for result in by_position[position]
                                    if result is not None]
    return by_program


def job_order(programs: int, tests: Sequence[int], test_major: bool) -> list[tuple[int, int]]:
    """The (program position, test position) pairs in the order their jobs are queued.

    Test-major when stopping at first failures. Measured with 4 programs that time out (1 s)
    and 4 that pass, 10 tests, 2 workers, over two rounds: test-major 4.6 and 6.0 s, 45 runs;
    program-major 7.5 s, 48-49 runs (the other worker, and the jobs sent ahead, ran the same
    doomed program's next tests); no early stop 38-45 s, 80 runs."""
    if test_major:
        return [(program, test) for test in tests for program in range(programs)]
    return [(program, test) for program in range(programs) for test in tests]


class _Judging:
    """One judge() call's state: results so far and, per program, its first failing test."""

    def __init__(self, executor: Executor, programs: Sequence[Program], tests: Sequence[Test],
                 limits: Limits, checker: Checker,
                 on_result: Callable[[int, RunResult], None] | None, stop: bool) -> None:
        self.executor, self.programs, self.tests = executor, programs, tests
        self.limits, self.checker, self.on_result, self.stop = limits, checker, on_result, stop
        # Per program position: its first failing test's position so far (len(tests): none).
        self.first_failure = [len(tests)] * len(programs)
        self.lock = threading.Lock()  # on_result may come from the executor's threads
        # The first interactor that failed (a judge error): raised once the executor returns,
        # not from its threads, so that every worker ends its jobs in order first.
        self.judge_error: CheckerError | None = None

    def failed_before(self, program: int, test: int) -> bool:
        return self.stop and self.first_failure[program] < test

    def note(self, program: int, test: int, result: RunResult) -> None:
        if result.verdict not in (Verdict.OK, Verdict.SKIPPED):
            with self.lock:
                self.first_failure[program] = min(self.first_failure[program], test)

    def report(self, program: int, test: int, result: RunResult) -> None:
        if self.on_result is not None:
            self.on_result(program * len(self.tests) + test, result)

    def run_round(self, round_tests: range,
                  by_position: list[list[RunResult | None]]) -> None:
        """Run (and check) the round's tests; a program already failed skips them."""
        pairs = []
        for program, test in job_order(len(self.programs), round_tests, self.stop):
            if self.failed_before(program, test):
                by_position[program][test] = skipped = RunResult(Verdict.SKIPPED)
                self.report(program, test, skipped)
            else:
                pairs.append((program, test))
        if not pairs:
            return
        builtin = self.checker.program is None
        jobs = [self.job(program, test) for program, test in pairs]

        def arrived(index: int, result: RunResult) -> None:
            program, test = pairs[index]
            expected = self.tests[test].expected
            if builtin and result.verdict is Verdict.OK and expected is not None:
                verdict = check_builtin(result.stdout, expected, self.checker)
                result = with_check(result, verdict.accepted, verdict.message)
            elif self.checker.interactive:
                try:
                    result = interaction_verdict(self.checker, result)
                except CheckerError as error:
                    with self.lock:
                        self.judge_error = self.judge_error or error
            by_position[program][test] = result
            self.note(program, test, result)
            self.report(program, test, result)

        def should_skip(index: int) -> bool:
            return self.judge_error is not None or self.failed_before(*pairs[index])

        # What an executor that runs jobs far from here may do itself (sandbox/cluster.py): with
        # early stop, a job whose program failed a run at a lower index (an earlier test) is
        # skipped. The jobs go test-major then, so a lower index of one program is an earlier
        # test of it.
        should_skip.stops_at_program_failure = self.stop  # type: ignore[attr-defined]

        if self.stop or self.checker.interactive:  # a judge error cancels what is left
            self.executor.run(jobs, arrived, should_skip=should_skip)
        else:
            self.executor.run(jobs, arrived)
        if self.judge_error is not None:
            raise self.judge_error
        if self.checker.runs_after:
            self.run_checker(pairs, by_position)

    def job(self, program: int, test: int) -> Job:
        """The job of one (program, test): with an interactor, the two wired together."""
        case = self.tests[test]
        if self.checker.interactive:
            return Job(self.programs[program], b"", self.limits,
                       interactor=interactor_job(self.checker, case.input, case.expected))
        return Job(self.programs[program], case.input, self.limits)

    def run_checker(self, pairs: list[tuple[int, int]],
                    by_position: list[list[RunResult | None]]) -> None:
        """The custom checker on every run that ended OK and has an answer (with early stop,
        only those up to the program's first failure: later ones do not count)."""
        to_check = []
        for program, test in pairs:
            result, expected = by_position[program][test], self.tests[test].expected
            if (result is not None and result.verdict is Verdict.OK and expected is not None
                    and not self.failed_before(program, test)):
                to_check.append((program, test, result, expected))
        checker_jobs = [checker_job(self.checker, self.tests[test].input, result.stdout, expected)
                        for _, test, result, expected in to_check]
        checked = self.executor.run(checker_jobs) if checker_jobs else []
        for (program, test, result, _), checker_run in zip(to_check, checked, strict=True):
            verdict = checker_verdict(self.checker, checker_run)
            by_position[program][test] = with_check(result, verdict.accepted, verdict.message)
            self.note(program, test, by_position[program][test])
        if self.stop:  # ran, but after a failure found only now: left unchecked, not counted
            for program, test in pairs:
                result = by_position[program][test]
                if (self.failed_before(program, test) and result is not None
                        and result.verdict is Verdict.OK):
                    by_position[program][test] = RunResult(Verdict.SKIPPED)


def with_check(result: RunResult, accepted: bool, message: str) -> RunResult:
    verdict = Verdict.OK if accepted else Verdict.WA
    return replace(result, verdict=verdict, checker_message=message)


def overall(results: Sequence[RunResult]) -> Verdict:
    """The first non-OK verdict in test order (SKIPPED tests passed over: a skip follows a real
    failure, which is then the one given), or OK when every test passed."""
    for result in results:
        if result.verdict not in (Verdict.OK, Verdict.SKIPPED):
            return result.verdict
    return Verdict.OK
