"""The solve pipeline: problem -> samples -> programs -> filter -> clusters -> top k (-> verdicts).

Each stage is a function from data to data; the model (Sampler) and the sandbox (Executor) come in
as arguments, so the same pipeline runs on vLLM or on a folder of programs, on Docker or on
whatever implements `Executor.run`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sandbox.jobs import Limits, Program, RunResult, Verdict
from sandbox.tester import Executor, Test, judge, overall
from solver.problem import Problem, TestCase
from solver.sampling import Sample, programs_from
from solver.selection import Candidate, Cluster, choose_top, cluster_programs, mutate_inputs


@dataclass(frozen=True)
class SelectionOptions:
    """How survivors are told apart and how many are kept. Defaults follow AlphaCode's shape."""

    top_k: int = 10  # how many programs to print or submit
    generated_inputs: int = 30  # mutated example inputs the survivors are clustered on
    seed: int = 0  # seeds input mutation
    evaluate_hidden: bool = True  # judge the chosen programs on hidden tests where they exist


@dataclass
class Stats:
    """Counts per stage, as in the JSON output."""

    sampled: int = 0  # completions drawn
    extracted: int = 0  # completions with usable code (truncated ones are dropped)
    truncated: int = 0  # completions that ran out of tokens
    unique: int = 0  # distinct programs after normalised-source dedupe
    compiled: int = 0  # unique programs that did not get CE
    passed_examples: int = 0  # unique programs that passed every example
    generated_inputs: int = 0
    clusters: int = 0


@dataclass
class ChosenProgram:
    rank: int
    program: Program
    cluster_size: int  # samples that landed in its cluster (duplicates count)
    cluster_members: int  # distinct programs in its cluster
    sample_ids: list[int]
    # Verdict on the hidden tests, when the problem has them and evaluation was asked for.
    # An evaluation number only: hidden tests never influence which program is chosen.
    hidden_verdict: Verdict | None = None
    hidden_passed: int | None = None


@dataclass
class SolveResult:
    problem: Problem
    candidates: list[ChosenProgram]
    stats: Stats
    clusters: list[Cluster] = field(default_factory=list)

    @property
    def solved(self) -> bool | None:
        """Whether the first candidate passes the hidden tests (None: nothing to tell by)."""
        if not self.candidates or self.candidates[0].hidden_verdict is None:
            return None if not self.problem.hidden else False
        return self.candidates[0].hidden_verdict is Verdict.OK


Progress = Callable[[str, int, int], None]  # (stage, done, total)


def limits_for(problem: Problem) -> Limits:
    return Limits(time_s=problem.time_limit_s, memory_mb=problem.memory_limit_mb)


def as_tests(cases: Sequence[TestCase]) -> list[Test]:
    return [Test(case.name, case.input, case.output) for case in cases]


def select(
    problem: Problem,
    samples: Sequence[Sample],
    executor: Executor,
    options: SelectionOptions = SelectionOptions(),
    progress: Progress | None = None,
) -> SolveResult:
    """Filter the sampled programs on the examples, cluster survivors, choose the top k."""
    stats = Stats(sampled=len(samples))
    stats.truncated = sum(1 for sample in samples if not sample.finished)
    stats.extracted = sum(1 for sample in samples if sample.program is not None)
    unique = programs_from(samples)
    stats.unique = len(unique)
    limits = limits_for(problem)

    example_results = run_stage(
        "examples", executor, [p for p, _ in unique], as_tests(problem.examples), problem,
        limits, progress,
    )
    stats.compiled = sum(
        1 for results in example_results.values() if overall(results) is not Verdict.CE
    )
    survivors = [
        Candidate(program=program, sample_ids=ids)
        for program, ids in unique
        if overall(example_results[program.key]) is Verdict.OK
    ]
    stats.passed_examples = len(survivors)

    inputs = mutate_inputs([case.input for case in problem.examples], options.generated_inputs,
                           seed=options.seed)
    stats.generated_inputs = len(inputs)
    generated = [Test(f"generated/{i}", data) for i, data in enumerate(inputs)]
    behaviour = run_stage(
        "clustering", executor, [c.program for c in survivors], generated, problem, limits,
        progress,
    )
    # With no generated inputs every survivor gets the same signature: one cluster.
    clusters = cluster_programs(
        survivors, {c.key: behaviour.get(c.key, []) for c in survivors}, problem.checker
    )
    stats.clusters = len(clusters)
    chosen = [
        ChosenProgram(
            rank=rank,
            program=candidate.program,
            cluster_size=cluster.size,
            cluster_members=len(cluster.members),
            sample_ids=candidate.sample_ids,
        )
        for rank, cluster, candidate in choose_top(clusters, options.top_k)
    ]
    if options.evaluate_hidden and problem.hidden and chosen:
        evaluate_hidden(problem, chosen, executor, progress)
    return SolveResult(problem=problem, candidates=chosen, stats=stats, clusters=clusters)


def run_stage(
    stage: str,
    executor: Executor,
    programs: list[Program],
    tests: list[Test],
    problem: Problem,
    limits: Limits,
    progress: Progress | None,
) -> dict[str, list[RunResult]]:
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
    return judge(executor, programs, tests, limits, problem.checker, tick)


def evaluate_hidden(
    problem: Problem,
    chosen: list[ChosenProgram],
    executor: Executor,
    progress: Progress | None,
) -> None:
    """Fill in each chosen program's verdict on the hidden tests."""
    programs = list({c.program.key: c.program for c in chosen}.values())
    results = run_stage(
        "hidden tests", executor, programs, as_tests(problem.hidden), problem,
        limits_for(problem), progress,
    )
    for candidate in chosen:
        runs = results[candidate.program.key]
        candidate.hidden_verdict = overall(runs)
        candidate.hidden_passed = sum(1 for run in runs if run.verdict is Verdict.OK)
