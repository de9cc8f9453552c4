"""Evaluation on hidden tests: how good the choice was, never an input to the choice.

Hidden tests decide verdicts only after the top k is fixed. pass@k (Chen et al. 2021) measures
the samples themselves: the chance that k samples drawn without replacement hold a correct one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from math import comb

from sandbox.jobs import Program, RunResult, Verdict
from sandbox.tester import Executor, overall
from solver.problem import Problem
from solver.run.examples import Progress, judge_stage
from solver.run.tests import as_tests
from solver.selection.select import Selection

PASS_AT = (1, 10)  # the k values reported


def pass_at_k(samples: int, correct: int, k: int) -> float:
    """Unbiased estimator 1 - C(n-c, k) / C(n, k) (Chen et al. 2021, "Evaluating Large Language
    Models Trained on Code"). With k > n, every sample is drawn: 1 when any is correct.
    """
    if samples <= 0 or correct <= 0:
        return 0.0
    if samples - correct < k:
        return 1.0
    return 1.0 - comb(samples - correct, k) / comb(samples, k)


@dataclass(frozen=True)
class HiddenVerdict:
    """One program's result on the hidden tests."""

    verdict: Verdict
    # Hidden tests passed before the first failure (runs stop there, as a judge's do): all of
    # them when the verdict is OK. Not the full count of passes: later tests may not have run.
    passed: int


@dataclass
class Evaluation:
    """Numbers that need hidden tests. Programs failing the examples count as failing."""

    hidden_tests: int
    samples: int  # n: every completion drawn, usable or not
    correct_samples: int  # c: samples whose program passed examples and hidden tests
    pass_at: dict[int, float] = field(default_factory=dict)  # k -> pass@k
    solved_at_1: bool = False  # the first chosen program passes the hidden tests
    solved_at_10: bool = False  # one of the first ten does
    # Whether an accepted program existed among the survivors at all: tells "selection missed
    # it" apart from "nothing to find".
    correct_survivors: int = 0  # distinct programs passing examples and hidden tests


def summarise(
    samples: int,
    survivors: Sequence[tuple[Program, int]],
    verdicts: dict[str, HiddenVerdict],
    chosen: Sequence[Program],
    hidden_tests: int,
) -> Evaluation:
    """Evaluation from hidden verdicts of every survivor.

    `survivors`: (program, how many samples gave it) for each distinct program that passed the
    examples; `verdicts`: Program.key -> its hidden verdict; `chosen`: the top k in rank order.
    """

    def correct(program: Program) -> bool:
        found = verdicts.get(program.key)
        return found is not None and found.verdict is Verdict.OK

    correct_samples = sum(weight for program, weight in survivors if correct(program))
    return Evaluation(
        hidden_tests=hidden_tests,
        samples=samples,
        correct_samples=correct_samples,
        pass_at={k: pass_at_k(samples, correct_samples, k) for k in PASS_AT},
        solved_at_1=bool(chosen) and correct(chosen[0]),
        solved_at_10=any(correct(program) for program in chosen[:10]),
        correct_survivors=sum(1 for program, _ in survivors if correct(program)),
    )


def evaluation_json(evaluation: Evaluation | None) -> dict | None:
    if evaluation is None:
        return None
    return {
        "hidden_tests": evaluation.hidden_tests,
        "samples": evaluation.samples,
        "correct_samples": evaluation.correct_samples,
        "correct_survivors": evaluation.correct_survivors,
        "pass_at": {str(k): round(v, 6) for k, v in evaluation.pass_at.items()},
        "solved_at_1": evaluation.solved_at_1,
        "solved_at_10": evaluation.solved_at_10,
    }


def hidden_verdicts(
    problem: Problem,
    programs: Sequence[Program],
    executor: Executor,
    progress: Progress | None = None,
) -> dict[str, HiddenVerdict]:
    """Each program's verdict on the hidden tests, by Program.key. Evaluation only."""
    distinct = list({program.key: program for program in programs}.values())
    results = judge_stage("hidden tests", executor, distinct, as_tests(problem.hidden),
                          problem=problem, progress=progress, stop_at_first_failure=True)
    return {key: HiddenVerdict(overall(runs), passed_before_failure(runs))
            for key, runs in results.items()}


def passed_before_failure(runs: Sequence[RunResult]) -> int:
    """How many tests passed before the first that did not (the same however the runs were
    scheduled: tests after a failure may or may not have run)."""
    for index, run in enumerate(runs):
        if run.verdict is not Verdict.OK:
            return index
    return len(runs)


def evaluate(
    selection: Selection,
    executor: Executor,
    *,
    samples: int,
    all_survivors: bool = True,
    progress: Progress | None = None,
) -> Evaluation | None:
    """Judge on the hidden tests after the choice: fill in the chosen programs' verdicts and,
    when every survivor is judged, return solved@k and pass@k.

    samples: n for pass@k, every completion drawn (usable or not).
    all_survivors: judge every survivor, not only the chosen: pass@k needs them all; False
        judges the top k only and returns None.
    Returns None also when the problem has no hidden tests.
    """
    problem = selection.problem
    if not problem.hidden:
        return None
    chosen = selection.candidates
    if not chosen:
        # Nothing passed the examples: every sample fails, pass@k is 0.
        return summarise(samples, [], {}, [], len(problem.hidden))
    judged = [c.program for c in selection.survivors] if all_survivors else \
        [c.program for c in chosen]
    verdicts = hidden_verdicts(problem, judged, executor, progress)
    for candidate in chosen:
        found = verdicts[candidate.program.key]
        candidate.hidden_verdict, candidate.hidden_passed = found.verdict, found.passed
    if not all_survivors:
        return None
    return summarise(
        samples=samples,
        survivors=[(c.program, c.weight) for c in selection.survivors],
        verdicts=verdicts,
        chosen=[c.program for c in chosen],
        hidden_tests=len(problem.hidden),
    )
