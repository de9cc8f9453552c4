"""The loop's bookkeeping on a scripted executor (no sandbox): a timeout counts only if it
repeats, and what an early stop skipped after one that did not is judged again."""

from __future__ import annotations

from collections.abc import Sequence

from sandbox.jobs import Job, Program, RunResult, Verdict
from solver.problem import Problem, TestCase
from solver.stress.loop import StressOptions, stress
from solver.stress.reference import HIDDEN, Reference
from tests.sandbox.test_tester import ScriptedExecutor

PROGRAM = Program("python3", "print(1)\n")
CASES = [TestCase(f"secret/{i}", f"{i}\n".encode(), b"1\n") for i in range(1, 4)]
PROBLEM = Problem(id="one", title="One", statement="", examples=CASES[:1], hidden=CASES)
HIDDEN_TESTS = Reference(HIDDEN, "one", tests=CASES)


class Scripted(ScriptedExecutor):
    """Runs PROGRAM's jobs one by one, its verdicts taken from a script (then OK); every run
    prints the right answer, so only the script decides."""

    def __init__(self, script: Sequence[Verdict]) -> None:
        super().__init__()
        self.script = list(script)

    @property
    def inputs(self) -> list[bytes]:
        """What PROGRAM was run on, in order."""
        return [job.input for job in self.ran]

    def execute(self, job: Job) -> RunResult:
        verdict = self.script.pop(0) if self.script else Verdict.OK
        return RunResult(verdict, stdout=b"1\n", exit_code=0)


def test_a_timeout_that_does_not_repeat_is_not_a_counterexample():
    executor = Scripted([Verdict.TLE, Verdict.OK])
    report = stress(executor, PROGRAM, PROBLEM, HIDDEN_TESTS, StressOptions(time_s=30))
    assert report.counterexample is None and report.exhausted
    assert report.unrepeated_timeouts == 1 and report.tries == 3
    # The first test twice (the run again), then the two the early stop had skipped.
    assert executor.inputs == [b"1\n", b"1\n", b"2\n", b"3\n"]


def test_a_timeout_that_repeats_is_one():
    executor = Scripted([Verdict.OK, Verdict.TLE, Verdict.TLE])
    report = stress(executor, PROGRAM, PROBLEM, HIDDEN_TESTS, StressOptions(time_s=30))
    found = report.counterexample
    assert found is not None and found.verdict is Verdict.TLE
    assert found.origin == "hidden test secret/2" and report.unrepeated_timeouts == 0


def test_other_failures_are_taken_at_once():
    executor = Scripted([Verdict.RE])
    report = stress(executor, PROGRAM, PROBLEM, HIDDEN_TESTS, StressOptions(time_s=30))
    assert report.counterexample is not None and report.counterexample.verdict is Verdict.RE
    assert executor.inputs == [b"1\n"]
