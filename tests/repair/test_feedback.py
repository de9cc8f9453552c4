"""Feedback texts, one per verdict: what the model is told of a failure on the examples."""

from __future__ import annotations

from sandbox.jobs import Program, RunResult, Verdict
from solver.problem.types import Problem, TestCase
from solver.repair.feedback import PART_CHARS, failure_of, feedback_text
from solver.sampling.types import Sample

PROBLEM = Problem(id="p", title="P", statement="Print a + b.", time_limit_s=2.0,
                  memory_limit_mb=128,
                  examples=[TestCase("1", b"1 2\n", b"3\n"), TestCase("2", b"5 7\n", b"12\n")],
                  hidden=[TestCase("h", b"111 222\n", b"333\n")])
SAMPLE = Sample(0, "", True, Program("python3", "print(1)\n"))


def text_for(*runs: RunResult) -> str:
    failure = failure_of(SAMPLE, runs)
    assert failure is not None
    return feedback_text(failure, PROBLEM)


def test_wrong_answer_shows_input_expected_and_printed():
    text = text_for(RunResult(Verdict.OK), RunResult(Verdict.WA, stdout=b"35\n"))
    assert text == ("Wrong answer on example 2.\nInput:\n5 7\nExpected output:\n12\n"
                    "Your program printed:\n35")


def test_first_failure_counts_and_skipped_runs_are_not_failures():
    failure = failure_of(SAMPLE, [RunResult(Verdict.RE, exit_code=1),
                                  RunResult(Verdict.SKIPPED)])
    assert failure is not None and (failure.example, failure.passed) == (0, 0)
    assert failure_of(SAMPLE, [RunResult(Verdict.OK), RunResult(Verdict.OK)]) is None


def test_runtime_error_gives_exit_code_or_signal_and_stderr_tail():
    text = text_for(RunResult(Verdict.RE, exit_code=1,
                              stderr_tail="Traceback ...\nValueError: bad int"))
    assert "the program exited with code 1" in text and "ValueError: bad int" in text
    assert "killed by signal 11" in text_for(RunResult(Verdict.RE, signal=11))


def test_limits_name_the_limit_and_the_input_size():
    assert "(2 s; the input is 4 bytes" in text_for(RunResult(Verdict.TLE))
    assert "limit 128 MB" in text_for(RunResult(Verdict.MLE))


def test_compile_error_gives_the_first_lines():
    message = "\n".join(f"error {i}" for i in range(20))
    text = text_for(RunResult(Verdict.CE, stderr_tail=message))
    assert text.startswith("Compilation error:\nerror 0") and "error 7" in text
    assert "error 8" not in text


def test_long_outputs_are_cut():
    text = text_for(RunResult(Verdict.WA, stdout=b"9" * 5000))
    assert "9" * PART_CHARS in text and "9" * (PART_CHARS + 1) not in text
    assert f"({5000 - PART_CHARS} more characters)" in text


def test_no_hidden_test_reaches_the_feedback():
    for verdict in (Verdict.WA, Verdict.RE, Verdict.TLE, Verdict.MLE, Verdict.OLE, Verdict.CE):
        text = text_for(RunResult(verdict, stdout=b"x", exit_code=1))
        assert "111" not in text and "333" not in text
