"""One program judged on a problem's tests, test by test: what `cpsolve test` and `bench judge`
report. Uses the same judge() the solver filters and evaluates with, so a verdict here is the
verdict `solve` would give."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sandbox.jobs import Program, RunResult, Verdict, language_of
from sandbox.tester import Executor, judge, overall
from solver.problem import Problem, TestCase
from solver.run.tests import as_tests, limits_for


class ProgramFileError(Exception):
    """A program file cannot be read or its language is unknown; one line naming the file."""


def read_program(path: Path) -> Program:
    """The program in a file, its language from the extension (sandbox.jobs.language_of): a
    .py file is CPython's unless its first line is a shebang naming pypy3."""
    if language_of(path.name) is None:
        raise ProgramFileError(
            f"{path}: unknown language (expected .py, .cpp, .cc, .cxx or .java)")
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProgramFileError(f"{path}: cannot read: {error}") from error
    return Program(language_of(path.name, source) or "python3", source)


def judge_program(
    executor: Executor,
    program: Program,
    problem: Problem,
    cases: Sequence[TestCase],
    *,
    stop_at_first_failure: bool = False,
) -> dict:
    """Judge one program on `cases`: {verdict, tests: [{name, verdict, time_s, memory_mb, ...}]}.

    time_s is CPU time (what the limit is on); wall_s is beside it.
    stop_at_first_failure: False runs every test (every verdict is reported, what a user at the
        keyboard asks for); True stops at the first failure, as judges do (the overall verdict
        is the same; `tests` then lists only what ran).
    """
    results = judge(executor, [program], as_tests(cases), limits_for(problem),
                    problem.output_checker,
                    stop_at_first_failure=stop_at_first_failure)[program.key]
    ran = [(case, result) for case, result in zip(cases, results, strict=True)
           if result.verdict is not Verdict.SKIPPED]
    return {
        "verdict": overall(results).value,
        "tests": [
            {
                "name": case.name,
                "verdict": result.verdict.value,
                "time_s": round(result.cpu_s, 3),
                "wall_s": round(result.wall_s, 3),
                "memory_mb": result.memory_mb,
                "message": message_of(result),
            }
            for case, result in ran
        ],
    }


def message_of(result: RunResult) -> str:
    """One short line saying why a test failed ("" when it passed)."""
    if result.verdict is Verdict.OK:
        return ""
    text = result.checker_message if result.verdict is Verdict.WA else result.stderr_tail
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if result.verdict is Verdict.CE:  # a compiler's first error is the useful line
        lines = [line for line in lines if "error" in line] or lines
        line = lines[0] if lines else ""
    else:  # a crash's last line is
        line = lines[-1] if lines else ""
    if result.verdict is Verdict.RE:
        cause = f"signal {result.signal}" if result.signal else f"exit code {result.exit_code}"
        line = f"{cause}: {line}" if line else cause
    return line[:160]
