"""Interactive judging without Docker: how a program's run and its interactor's make a verdict
(sandbox.checkers.interaction_verdict), the jobs an interactor takes (interactor_job, the pool's
messages), and judge() with an interactive checker on a scripted executor."""

from __future__ import annotations

import pytest

from sandbox.checkers import (
    Checker,
    CheckerError,
    interaction_verdict,
    interactor_job,
)
from sandbox.jobs import Job, Limits, Program, RunResult, Verdict
from sandbox.pool import compile_failure, job_message, programs_of
from sandbox.tester import Test, judge
from tests.sandbox.test_tester import ScriptedExecutor

INTERACTOR = Program("python3", "interactor")
KATTIS = Checker("kattis", program=INTERACTOR, interactive=True)
TESTLIB = Checker("testlib", program=INTERACTOR, interactive=True)


def interactive_run(verdict: Verdict, code: int | None, first: bool = False, *,
                    interactor_verdict: Verdict | None = None, signal: int | None = None,
                    message: str = "why") -> RunResult:
    """A program's run with its interactor's inside: exit `code` (None: killed by `signal`)."""
    other = RunResult(interactor_verdict or (Verdict.OK if code == 0 else Verdict.RE),
                      exit_code=code, signal=signal, checker_message=message)
    return RunResult(verdict, exit_code=0 if verdict is Verdict.OK else 1, stdout=b"? 1\n",
                     interactor=other, interactor_first=first)


@pytest.mark.parametrize(("checker", "accept", "reject"), [(KATTIS, 42, 43), (TESTLIB, 0, 1)])
@pytest.mark.parametrize(("program", "interactor", "first", "verdict"), [
    (Verdict.OK, "accept", False, Verdict.OK),
    (Verdict.OK, "accept", True, Verdict.OK),
    (Verdict.OK, "reject", False, Verdict.WA),  # e.g. the program exited without answering
    (Verdict.OK, "reject", True, Verdict.WA),
    # The program failed on its own: that stands, whatever the interactor read afterwards.
    (Verdict.TLE, "reject", False, Verdict.TLE),  # idle: the interactor then read end-of-file
    (Verdict.RE, "reject", False, Verdict.RE),
    (Verdict.MLE, "reject", False, Verdict.MLE),
    (Verdict.OLE, "reject", False, Verdict.OLE),
    # ... unless the interactor rejected first: the program, cut off, crashed or waited.
    (Verdict.RE, "reject", True, Verdict.WA),
    (Verdict.TLE, "reject", True, Verdict.WA),
    # An accepting interactor does not hide a crash or a timeout after it.
    (Verdict.RE, "accept", True, Verdict.RE),
    (Verdict.TLE, "accept", True, Verdict.TLE),
])
def test_the_verdict_follows_problemtools_order(checker, accept, reject, program, interactor,
                                                 first, verdict):
    code = accept if interactor == "accept" else reject
    judged = interaction_verdict(checker, interactive_run(program, code, first))
    assert judged.verdict is verdict
    assert judged.checker_message == "why"  # the interactor's feedback, whatever the verdict
    assert judged.stdout == b"? 1\n"  # the transcript stays


def test_testlib_presentation_error_is_wrong_answer():
    judged = interaction_verdict(TESTLIB, interactive_run(Verdict.OK, 2))
    assert judged.verdict is Verdict.WA and "presentation error" in judged.checker_message


@pytest.mark.parametrize(("checker", "run"), [
    (KATTIS, interactive_run(Verdict.OK, 0)),  # neither 42 nor 43
    (KATTIS, interactive_run(Verdict.OK, 1)),  # a Python traceback
    (TESTLIB, interactive_run(Verdict.OK, 3)),  # testlib's FAIL
    (TESTLIB, interactive_run(Verdict.OK, 8)),  # unknown
    (KATTIS, interactive_run(Verdict.OK, None, signal=11)),
    (TESTLIB, interactive_run(Verdict.OK, None, interactor_verdict=Verdict.TLE, signal=9)),
    (KATTIS, interactive_run(Verdict.OK, 42, interactor_verdict=Verdict.MLE)),
    (KATTIS, interactive_run(Verdict.SKIPPED, None, interactor_verdict=Verdict.CE)),
    # A failing interactor is a judge error even when the program failed too.
    (KATTIS, interactive_run(Verdict.TLE, 1)),
    (TESTLIB, interactive_run(Verdict.RE, 3, first=True)),
])
def test_a_failing_interactor_is_a_judge_error_never_a_verdict(checker, run):
    with pytest.raises(CheckerError, match="the interactor"):
        interaction_verdict(checker, run)


@pytest.mark.parametrize("verdict", [Verdict.CE, Verdict.SKIPPED])
def test_a_run_the_interactor_never_saw_stays_as_it_is(verdict):
    run = RunResult(verdict, stderr_tail="prog.cpp:1: error")
    assert interaction_verdict(KATTIS, run) is run


def test_interactor_jobs_follow_each_convention():
    kattis = interactor_job(KATTIS, b"10 7\n", b"7\n")
    assert kattis.args == ("input", "answer", "feedback/") and kattis.feedback_dir
    assert dict(kattis.files) == {"input": b"10 7\n", "answer": b"7\n"}
    assert kattis.limits == KATTIS.limits and kattis.input == b""  # its stdin is the program
    testlib = interactor_job(TESTLIB, b"10 7\n", None)
    assert testlib.args == ("input", "output", "answer") and not testlib.feedback_dir
    assert dict(testlib.files) == {"input": b"10 7\n", "answer": b""}  # no answer: empty file


def test_an_interactive_job_travels_as_one_message_with_its_interactor_inside():
    program = Program("cpp17", "int main() {}")
    job = Job(program, b"", Limits(time_s=1), interactor=interactor_job(KATTIS, b"in", b"ans"))
    message = job_message(job)
    assert message["interactor"]["args"] == ["input", "answer", "feedback/"]
    assert message["interactor"]["time_s"] == KATTIS.limits.time_s
    assert message["time_s"] == 1
    assert programs_of(job) == [program, INTERACTOR]
    # The longest it may take: the program's wall time, then the interactor's.
    assert job.wall_s == Limits(time_s=1).wall_s + KATTIS.limits.wall_s
    assert "interactor" not in job_message(Job(program, b""))


def test_an_interactor_that_does_not_compile_is_reported_inside_the_result():
    checker = Checker("kattis", program=Program("cpp17", "int main( {"), interactive=True)
    program = Program("cpp17", "int main() {}")
    job = Job(program, b"", interactor=interactor_job(checker, b"", b""))
    failed = compile_failure(job, {program.key: b"binary", checker.program.key: "error: ("})
    assert failed is not None and failed.verdict is Verdict.SKIPPED
    assert failed.interactor is not None and failed.interactor.verdict is Verdict.CE
    with pytest.raises(CheckerError, match="the interactor does not compile"):
        interaction_verdict(checker, failed)
    # The program's own compile error comes first: then the interactor never mattered.
    program_failed = compile_failure(job, {program.key: "error: main", checker.program.key: "x"})
    assert program_failed is not None and program_failed.verdict is Verdict.CE
    assert compile_failure(job, {program.key: b"binary", checker.program.key: b"binary"}) is None


class InteractiveScript(ScriptedExecutor):
    """Runs interactive jobs by script: a program's source is the interactor exit code it gets
    on every test ("42", "43", "1"), or "tle"."""

    def execute(self, job: Job) -> RunResult:
        assert job.interactor is not None and job.input == b""
        source = job.program.source
        verdict = Verdict.TLE if source == "tle" else Verdict.OK
        code = 43 if source == "tle" else int(source)
        return RunResult(verdict, exit_code=0, stdout=dict(job.interactor.files)["input"],
                         interactor=RunResult(Verdict.RE, exit_code=code))


TESTS = [Test(str(i), f"{i}\n".encode(), None if i % 2 else b"answer\n") for i in range(4)]


def test_judge_wires_every_run_to_the_interactor_in_one_round():
    executor = InteractiveScript()
    right, wrong, idle = Program("python3", "42"), Program("python3", "43"), \
        Program("python3", "tle")
    results = judge(executor, [right, wrong, idle], TESTS, Limits(), KATTIS,
                    stop_at_first_failure=True)
    assert [r.verdict for r in results[right.key]] == [Verdict.OK] * 4
    assert [r.verdict for r in results[wrong.key]] == [Verdict.WA] + [Verdict.SKIPPED] * 3
    assert [r.verdict for r in results[idle.key]] == [Verdict.TLE] + [Verdict.SKIPPED] * 3
    assert results[right.key][1].stdout == b"1\n"  # the transcript, not a checker's output
    # The interactor decided as each run ended: no checker jobs after, no second round, and
    # a test without an answer gave the interactor an empty answer file.
    assert all(job.interactor is not None for job in executor.ran)
    assert len(executor.ran) == 4 + 1 + 1
    assert {dict(job.interactor.files)["answer"] for job in executor.ran} == {b"", b"answer\n"}


def test_judge_raises_a_judge_error_once_the_run_is_over():
    executor = InteractiveScript()
    broken = Program("python3", "1")  # the interactor exits 1: neither 42 nor 43
    with pytest.raises(CheckerError, match="the interactor failed"):
        judge(executor, [Program("python3", "42"), broken], TESTS, Limits(), KATTIS)
    # Once the failure is known, what is left is not run.
    assert len(executor.ran) < 2 * len(TESTS)
