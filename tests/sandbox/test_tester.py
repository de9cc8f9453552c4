"""judge(..., stop_at_first_failure=True): a program stops at its first failing test, as judges
do; the overall verdict is the full run's. A scripted executor first (exact counts, no Docker),
then the real pool."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from sandbox.checkers import Checker, ValidatorFlags
from sandbox.jobs import Job, Limits, Program, RunResult, Verdict
from sandbox.tester import Test, judge, overall

TESTS = [Test(str(i), f"{i}\n".encode(), f"{i}\n".encode()) for i in range(20)]


def scripted(source: str) -> Program:
    """A program for the scripted executor: its source says what it does on test i."""
    return Program("python3", source)


ECHO = scripted("echo")  # right on every test
TIMES_OUT = scripted("tle")  # TLE everywhere
WRONG_AT_7 = scripted("wa 7")  # wrong answer from test 7 on
CRASHES_AT_3 = scripted("re 3")  # runtime error from test 3 on


class ScriptedExecutor:
    """Runs jobs one at a time, in order, as a one-worker pool would (no jobs sent ahead)."""

    def __init__(self) -> None:
        self.ran: list[Job] = []

    def run(self, jobs: Sequence[Job], on_result: Callable[[int, RunResult], None] | None = None,
            should_skip: Callable[[int], bool] | None = None) -> list[RunResult]:
        results = []
        for index, job in enumerate(jobs):
            if should_skip is not None and should_skip(index):
                result = RunResult(Verdict.SKIPPED)
            else:
                self.ran.append(job)
                result = self.execute(job)
            results.append(result)
            if on_result is not None:
                on_result(index, result)
        return results

    @staticmethod
    def execute(job: Job) -> RunResult:
        if job.program.source == "checker":  # testlib: exit 0 when output == answer, else 1
            files = dict(job.files)
            if files["output"] == files["answer"]:
                return RunResult(Verdict.OK, exit_code=0)
            return RunResult(Verdict.RE, exit_code=1, stderr_tail="differ")
        test = int(job.input)
        kind, _, start = job.program.source.partition(" ")
        if kind == "tle":
            return RunResult(Verdict.TLE)
        if kind == "re" and test >= int(start):
            return RunResult(Verdict.RE, exit_code=1)
        if kind == "wa" and test >= int(start):
            return RunResult(Verdict.OK, exit_code=0, stdout=b"wrong\n")
        return RunResult(Verdict.OK, exit_code=0, stdout=job.input)


def runs_of(executor: ScriptedExecutor, program: Program) -> list[int]:
    return [int(job.input) for job in executor.ran if job.program == program]


PROGRAMS = [TIMES_OUT, ECHO, WRONG_AT_7, CRASHES_AT_3]


def test_each_program_stops_at_its_first_failure_and_the_verdict_is_the_full_runs():
    full = judge(ScriptedExecutor(), PROGRAMS, TESTS, Limits(), ValidatorFlags())
    executor = ScriptedExecutor()
    reported: list[tuple[int, Verdict]] = []
    stopped = judge(executor, PROGRAMS, TESTS, Limits(), ValidatorFlags(),
                    lambda index, result: reported.append((index, result.verdict)),
                    stop_at_first_failure=True)
    assert runs_of(executor, TIMES_OUT) == [0]
    assert runs_of(executor, ECHO) == list(range(20))
    assert runs_of(executor, WRONG_AT_7) == list(range(8))  # WA known as the run ends
    assert runs_of(executor, CRASHES_AT_3) == list(range(4))
    for program in PROGRAMS:
        assert overall(stopped[program.key]) is overall(full[program.key])
        assert len(stopped[program.key]) == len(TESTS)
    assert [r.verdict for r in stopped[WRONG_AT_7.key]] == [Verdict.OK] * 7 + [Verdict.WA] + [
        Verdict.SKIPPED] * 12
    # Every (program, test) reported once, by program * len(tests) + test, skipped ones too.
    assert sorted(index for index, _ in reported) == list(range(len(PROGRAMS) * len(TESTS)))
    assert dict(reported)[0] is Verdict.TLE and dict(reported)[1] is Verdict.SKIPPED


def test_without_early_stop_every_test_runs():
    executor = ScriptedExecutor()
    results = judge(executor, PROGRAMS, TESTS, Limits(), ValidatorFlags())
    assert len(executor.ran) == len(PROGRAMS) * len(TESTS)
    assert not any(r.verdict is Verdict.SKIPPED for rs in results.values() for r in rs)


def test_with_a_custom_checker_the_first_test_is_checked_before_the_rest_run():
    checker = Checker("testlib", program=scripted("checker"))
    wrong_at_0 = scripted("wa 0")
    programs = [TIMES_OUT, ECHO, wrong_at_0, WRONG_AT_7, CRASHES_AT_3]
    full = judge(ScriptedExecutor(), programs, TESTS, Limits(), checker)
    executor = ScriptedExecutor()
    stopped = judge(executor, programs, TESTS, Limits(), checker, stop_at_first_failure=True)
    assert runs_of(executor, TIMES_OUT) == [0]
    assert runs_of(executor, wrong_at_0) == [0]  # its WA was found in the first round
    assert runs_of(executor, ECHO) == list(range(20))
    assert runs_of(executor, WRONG_AT_7) == list(range(20))  # a WA is known only after checking
    assert runs_of(executor, CRASHES_AT_3) == list(range(4))  # a run failure cancels at once
    for program in programs:
        assert overall(stopped[program.key]) is overall(full[program.key])
    assert [r.verdict for r in stopped[WRONG_AT_7.key]][6:8] == [Verdict.OK, Verdict.WA]


@pytest.mark.integration
def test_on_the_pool_programs_that_time_out_stop_after_their_first_test(pool):
    sleeper = Program("python3", "import time\ntime.sleep(60)\n")
    right = Program("python3", "print(input())\n")
    wrong_late = Program("python3", "n = int(input())\nprint(n if n < 5 else -1)\n")
    programs = [sleeper, right, wrong_late]
    tests = TESTS[:12]
    limits = Limits(time_s=0.25)  # a sleeper's wall time: 1 s
    ran: list[tuple[int, Verdict]] = []
    results = judge(pool, programs, tests, limits, ValidatorFlags(),
                    lambda index, result: ran.append((index, result.verdict)),
                    stop_at_first_failure=True)
    timed_out = [i for i, verdict in ran if i < len(tests) and verdict is Verdict.TLE]
    assert 1 <= len(timed_out) <= 2  # its first test; perhaps one job sent ahead already
    assert [r.verdict for r in results[right.key]] == [Verdict.OK] * len(tests)
    assert overall(results[sleeper.key]) is Verdict.TLE
    assert overall(results[wrong_late.key]) is Verdict.WA
    assert [r.verdict for r in results[wrong_late.key]][:6] == [Verdict.OK] * 5 + [Verdict.WA]
    full = judge(pool, [wrong_late], tests, limits, ValidatorFlags())
    assert overall(full[wrong_late.key]) is Verdict.WA
