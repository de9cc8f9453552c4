"""What the model is told about a program that failed the examples: one short, verdict-specific
text, as a judge's feedback reads.

Built from the problem's examples and the program's runs on them, and from nothing else: hidden
tests are for evaluation only (solver/evaluation.py) and never reach this module. The examples
are in the statement the model was shown, so the feedback tells it nothing it could not know.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sandbox.jobs import RunResult, Verdict
from solver.problem import Problem
from solver.sampling.types import Sample

# Each part of a feedback text (an input, an expected or actual output, stderr) is cut to this
# many characters: enough to see the mistake on an example, short enough for a small context.
PART_CHARS = 300
COMPILER_LINES = 8  # CE: the compiler's first lines hold the first error

# How close a failure is to passing, by verdict (lower: closer). A wrong answer ran and printed
# something; a crash ran part way; a time-out on an example is usually a read past the input;
# a compile error is furthest.
CLOSENESS = {Verdict.WA: 0, Verdict.RE: 1, Verdict.OLE: 2, Verdict.TLE: 2, Verdict.MLE: 2,
             Verdict.CE: 3}


@dataclass(frozen=True)
class Failure:
    """How one sample's program failed the examples: its first failing example."""

    sample: Sample  # the sample (drawn or repaired) whose program failed
    verdict: Verdict  # the first failure's verdict (never OK or SKIPPED)
    example: int  # 0-based index of the first failing example (examples run in order)
    passed: int  # examples passed before it
    result: RunResult  # the run on that example

    @property
    def signature(self) -> tuple[str, int, bytes]:
        """Failures with one signature count once when choosing repairs: same verdict on the
        same example with the same output."""
        return (self.verdict.value, self.example, self.result.stdout)

    @property
    def closeness(self) -> tuple[int, int]:
        """Sort key, closest to passing first: more examples passed, then WA before RE before CE."""
        return (-self.passed, CLOSENESS.get(self.verdict, 3))


def failure_of(sample: Sample, runs: Sequence[RunResult]) -> Failure | None:
    """The sample's first failing example run, or None when it passed (or ran on nothing)."""
    for index, run in enumerate(runs):
        if run.verdict not in (Verdict.OK, Verdict.SKIPPED):
            return Failure(sample, run.verdict, index, index, run)
    return None


def cut(text: str, limit: int = PART_CHARS) -> str:
    """text, or its start and a note of how much was left out."""
    text = text.rstrip("\n")
    if len(text) <= limit:
        return text
    return text[:limit] + f"\n... ({len(text) - limit} more characters)"


def shown(data: bytes) -> str:
    return cut(data.decode("utf-8", "replace")) or "(nothing)"


def feedback_text(failure: Failure, problem: Problem) -> str:
    """The judge's feedback on one failure, for the model to repair the program by."""
    example = problem.examples[failure.example]
    where = f"example {failure.example + 1}"
    run = failure.result
    if failure.verdict is Verdict.WA:
        text = (f"Wrong answer on {where}.\nInput:\n{shown(example.input)}\n"
                f"Expected output:\n{shown(example.output)}\n"
                f"Your program printed:\n{shown(run.stdout)}")
        if run.checker_message.strip():
            text += f"\nThe checker said: {cut(run.checker_message.strip())}"
        return text
    if failure.verdict is Verdict.RE:
        how = (f"was killed by signal {run.signal}" if run.signal is not None
               else f"exited with code {run.exit_code}")
        text = f"Runtime error on {where}: the program {how}.\nInput:\n{shown(example.input)}"
        if run.stderr_tail.strip():
            text += f"\nEnd of its error output:\n{cut(run.stderr_tail.strip()[-PART_CHARS:])}"
        return text
    if failure.verdict is Verdict.TLE:
        return (f"Time limit exceeded on {where} ({problem.time_limit_s:g} s; the input is "
                f"{len(example.input)} bytes, so the program probably waits for input that "
                f"never comes or loops forever).\nInput:\n{shown(example.input)}")
    if failure.verdict is Verdict.MLE:
        return (f"Memory limit exceeded on {where} (limit {problem.memory_limit_mb} MB).\n"
                f"Input:\n{shown(example.input)}")
    if failure.verdict is Verdict.OLE:
        return (f"Output limit exceeded on {where}: the program printed far too much.\n"
                f"Input:\n{shown(example.input)}\nStart of its output:\n{shown(run.stdout)}")
    if failure.verdict is Verdict.CE:
        first = "\n".join(run.stderr_tail.strip().splitlines()[:COMPILER_LINES])
        return f"Compilation error:\n{cut(first) or '(no message)'}"
    return f"{failure.verdict.value} on {where}."
