"""Judging a stage's programs on a stage's tests, with progress: the example filter, the
clustering runs and the hidden-test evaluation all go through judge_stage."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sandbox.jobs import Program, RunResult, Verdict
from sandbox.tester import Executor, Test, judge, overall
from solver.problem import Problem
from solver.run.tests import as_tests, limits_for

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def judge_stage(
    stage: str,
    executor: Executor,
    programs: Sequence[Program],
    tests: Sequence[Test],
    *,
    problem: Problem,
    progress: Progress | None = None,
    stop_at_first_failure: bool = False,
) -> dict[str, list[RunResult]]:
    """Every program on every test under the problem's limits and checker, by Program.key.

    progress(stage, done, total) is called once before the first run and after each run
    (a test skipped after a failure counts as done).
    stop_at_first_failure: where only pass/fail matters, a program's tests after its first
        failure are not run (their results are SKIPPED); the overall verdict is the full run's.
    """
    total = len(programs) * len(tests)
    done = 0

    def tick(_index: int, _result: RunResult) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(stage, done, total)

    if progress is not None:
        progress(stage, 0, total)
    if not programs or not tests:
        return {program.key: [] for program in programs}
    return judge(executor, programs, tests, limits_for(problem), problem.output_checker, tick,
                 stop_at_first_failure=stop_at_first_failure)


def run_examples(
    executor: Executor,
    programs: Sequence[Program],
    problem: Problem,
    progress: Progress | None = None,
) -> dict[str, list[RunResult]]:
    """The example filter: each program on the problem's examples (the only tests a program is
    chosen by), stopping at its first failure as a judge does: only pass/fail is kept."""
    return judge_stage("examples", executor, programs, as_tests(problem.examples),
                       problem=problem, progress=progress, stop_at_first_failure=True)


@dataclass(frozen=True)
class ExampleCounts:
    """How many programs got how far on the examples."""

    judged: int  # programs whose example runs are done
    compiled: int  # of those, the ones that did not get CE
    passed: int  # of those, the ones that passed every example


def count_examples(results: Iterable[Sequence[RunResult]]) -> ExampleCounts:
    verdicts = [overall(runs) for runs in results]
    return ExampleCounts(judged=len(verdicts),
                         compiled=sum(1 for verdict in verdicts if verdict is not Verdict.CE),
                         passed=sum(1 for verdict in verdicts if verdict is Verdict.OK))
