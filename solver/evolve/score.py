"""A program's score on a scored problem: where validity, per-test scores and their aggregate
are decided (the FunSearch evaluator, for `type: scoring` problems).

Every program runs on every scored test under the problem's limits; each run that ends OK goes
to the problem's scorer (solver.problem.types.Scoring) in the sandbox. A run is valid when it
ended OK and the scorer accepted its output; a program is valid, and has a score, only when
every one of its runs is. Its score is the aggregate (mean by default) of its per-test scores.
"The program failed" (a verdict, a rejected output: valid=False) is kept apart from "could not
evaluate" (the scorer itself failed: CheckerError, raised).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from sandbox.checkers import Checker, CheckerError, ValidatorFlags, checker_job, checker_verdict
from sandbox.jobs import Job, Limits, Program, RunResult, Verdict
from sandbox.tester import Executor
from solver.problem import Problem, TestCase
from solver.problem.types import Scoring
from solver.run.tests import limits_for

# A scorer's limits: generous, as a checker's (its slowness is not the program's fault).
SCORER_LIMITS = Limits(time_s=10.0, memory_mb=2048)
SCORER_REJECT = 43  # a Markdown scorer's "invalid output" (Kattis' reject code)
KATTIS_ACCEPT_SCORE = 1.0  # what an accepting Kattis validator that writes no score.txt gives


@dataclass(frozen=True)
class ProgramScore:
    """One program judged on the scored tests."""

    per_test: tuple[float | None, ...]  # in test order; None where the run was not valid
    valid: bool  # every run ended OK and every output was accepted by the scorer
    score: float | None  # the aggregate over the tests; None unless valid
    failure: str = ""  # why not valid: the first failing test and its verdict or scorer message
    # Per test, the program's own run (verdict, times, output); empty for programs restored from
    # a checkpoint. The too-slow mode reads its outputs and times.
    runs: tuple[RunResult, ...] = ()
    # Per-test scores closer than this are one: 1e-6 against float noise in a scorer's print;
    # the too-slow mode's 10 ms against timing noise.
    resolution: float = 1e-6

    @property
    def signature(self) -> tuple[float, ...]:
        """What groups programs in an island (FunSearch's clusters): the per-test scores,
        rounded to the resolution so that noise does not split a group."""
        return tuple(round(round(value / self.resolution) * self.resolution, 9)
                     if value is not None else math.nan for value in self.per_test)


def aggregate(values: Sequence[float], how: str) -> float:
    """The program's score from its per-test scores (solver.problem.types.AGGREGATES)."""
    if how == "sum":
        return float(sum(values))
    if how == "min":
        return float(min(values))
    if how == "median":
        return float(statistics.median(values))
    return float(statistics.fmean(values))


def scored_tests(problem: Problem) -> list[TestCase]:
    """The tests a program's score is taken on: the examples and the hidden tests. Only their
    scores reach a prompt, never their inputs (solver/evolve/prompts.py)."""
    return [*problem.examples, *problem.hidden]


def better(a: float, b: float, objective: str) -> bool:
    """Whether score a beats score b under the objective ("max" or "min")."""
    return a > b if objective == "max" else a < b


def scorer_job(scoring: Scoring, test: TestCase, output: bytes) -> Job:
    """The sandbox job that scores one output: a Kattis scoring validator (score.txt in its
    feedback dir) or a Markdown scorer (`scorer input output`, the score on stdout)."""
    if scoring.kind == "kattis":
        checker = Checker("kattis", ValidatorFlags(), scoring.program, SCORER_LIMITS)
        return checker_job(checker, test.input, output, test.output)
    return Job(scoring.program, b"", SCORER_LIMITS, ("input", "output"),
               (("input", test.input), ("output", output)))


def read_score(scoring: Scoring, run: RunResult) -> tuple[float | None, str]:
    """(score, "") for an accepted output, (None, why) for a rejected one; CheckerError when
    the scorer itself failed (did not compile, crashed, printed no number)."""
    if scoring.kind == "kattis":
        checker = Checker("kattis", ValidatorFlags(), scoring.program, SCORER_LIMITS)
        verdict = checker_verdict(checker, run)  # raises CheckerError for a failed validator
        if not verdict.accepted:
            return None, verdict.message
        if run.score_text is None:
            return KATTIS_ACCEPT_SCORE, ""
        return _number(run.score_text, "the output validator's score.txt"), ""
    if run.verdict is Verdict.CE:
        raise CheckerError(f"the scorer does not compile: {run.stderr_tail.strip()[-500:]}")
    if run.verdict not in (Verdict.OK, Verdict.RE) or run.signal is not None:
        raise CheckerError(f"the scorer failed ({run.verdict.value}): "
                           f"{run.stderr_tail.strip()[-300:]}")
    if run.exit_code == SCORER_REJECT:
        return None, run.stderr_tail.strip()[-300:] or "rejected by the scorer"
    if run.exit_code != 0:
        raise CheckerError(f"the scorer failed (exit {run.exit_code}, not 0 or "
                           f"{SCORER_REJECT}): {run.stderr_tail.strip()[-300:]}")
    return _number(run.stdout.decode("utf-8", "replace"), "the scorer's output"), ""


def _number(text: str, what: str) -> float:
    words = text.split()
    try:
        if len(words) != 1:
            raise ValueError
        value = float(words[0])
    except ValueError:
        raise CheckerError(f"{what} is not one number: {text.strip()[:80]!r}") from None
    if not math.isfinite(value):
        raise CheckerError(f"{what} is not a finite number: {words[0][:40]!r}")
    return value


def score_programs(executor: Executor, programs: Sequence[Program], problem: Problem,
                   tests: Sequence[TestCase] | None = None) -> dict[str, ProgramScore]:
    """Every program's ProgramScore on the tests (None: scored_tests), by Program.key.

    All runs go to the executor in one batch, test-major, and a program's later tests are
    skipped once one of its runs failed (it is invalid whatever they do); then every output
    that ended OK is scored, in one more batch. CheckerError when the scorer failed.
    """
    scoring = problem.scoring
    if scoring is None:
        raise ValueError(f"{problem.id} is not a scored problem")
    tests = scored_tests(problem) if tests is None else list(tests)
    programs = list({program.key: program for program in programs}.values())
    limits = limits_for(problem)
    pairs = [(p, t) for t in range(len(tests)) for p in range(len(programs))]
    failed: set[int] = set()

    def arrived(index: int, result: RunResult) -> None:
        if result.verdict is not Verdict.OK:
            failed.add(pairs[index][0])

    runs = executor.run([Job(programs[p], tests[t].input, limits) for p, t in pairs],
                        arrived, should_skip=lambda index: pairs[index][0] in failed)
    by_pair = dict(zip(pairs, runs, strict=True))
    to_score = [(p, t) for p, t in pairs
                if p not in failed and by_pair[(p, t)].verdict is Verdict.OK]
    scored = executor.run([scorer_job(scoring, tests[t], by_pair[(p, t)].stdout)
                           for p, t in to_score]) if to_score else []
    values: dict[tuple[int, int], tuple[float | None, str]] = {
        pair: read_score(scoring, run) for pair, run in zip(to_score, scored, strict=True)}
    out: dict[str, ProgramScore] = {}
    for p, program in enumerate(programs):
        per_test: list[float | None] = []
        failure = ""
        for t, test in enumerate(tests):
            run = by_pair[(p, t)]
            value, why = values.get((p, t), (None, ""))
            if not failure and run.verdict not in (Verdict.OK, Verdict.SKIPPED):
                failure = f"{test.name}: {run.verdict.value}"  # the run failed
            elif not failure and why:
                failure = f"{test.name}: {why}"  # the scorer rejected the output
            per_test.append(value)
        valid = not failure and all(value is not None for value in per_test)
        out[program.key] = ProgramScore(
            per_test=tuple(per_test), valid=valid,
            score=aggregate([v for v in per_test if v is not None], scoring.aggregate)
            if valid else None,
            failure=failure, runs=tuple(by_pair[(p, t)] for t in range(len(tests))))
    return out


class ScoreEvaluator:
    """The evolution's evaluator on a scored problem: score_programs on its tests. (The
    too-slow mode's is solver/evolve/speed.py; both answer the same three questions.)"""

    def __init__(self, executor: Executor, problem: Problem) -> None:
        if problem.scoring is None:
            raise ValueError(f"{problem.id} is not a scored problem")
        self.executor, self.problem = executor, problem
        self.objective = problem.scoring.objective
        self.mode = "score"

    @property
    def goal(self) -> str:
        """What the prompt asks of the next version."""
        return "scores higher" if self.objective == "max" else "scores lower (lower is better)"

    @staticmethod
    def label(score: float) -> str:
        """A version's score as the prompt shows it."""
        return f"score {score:.6g}"

    def evaluate(self, programs: Sequence[Program],
                 parents: dict[str, Program | None]) -> dict[str, ProgramScore]:
        """Every program's score (parents play no part: the tests decide)."""
        del parents
        return score_programs(self.executor, programs, self.problem)
