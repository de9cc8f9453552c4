"""The solve pipeline: problem -> samples -> programs -> filter -> clusters -> top k (-> verdicts).

Each stage is a function from data to data; the model (Sampler) and the sandbox (Executor) come in
as arguments, so the same pipeline runs on vLLM or on a folder of programs, on Docker or on
whatever implements `Executor.run`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sandbox.jobs import Limits, Program, RunResult, Verdict
from sandbox.tester import Executor, Test, judge, overall
from solver.evaluation import Evaluation, HiddenVerdict, summarise
from solver.problem import Problem, TestCase
from solver.sampling import Sample, programs_from
from solver.selection import (
    Candidate,
    Cluster,
    choose_top,
    cluster_programs,
    distinct_inputs,
    mutate_inputs,
    runnable_inputs,
    statement_bounds,
)


@dataclass(frozen=True)
class SelectionOptions:
    """How survivors are told apart and how many are kept. Defaults follow AlphaCode's shape."""

    top_k: int = 10  # how many programs to print or submit
    generated_inputs: int = 30  # mutated example inputs the survivors are clustered on
    seed: int = 0  # seeds input mutation
    evaluate_hidden: bool = True  # judge the chosen programs on hidden tests where they exist
    # Judge every survivor on the hidden tests, not only the chosen: pass@k needs them all.
    evaluate_all_survivors: bool = True
    max_input_bytes: int = 1_000_000  # generated inputs longer than this are dropped
    # A generated input is kept when more than this share of the survivors runs on it without
    # crash or timeout: inputs most programs reject are likely outside the constraints.
    min_ok_share: float = 0.5


@dataclass
class Stats:
    """Counts per stage, as in the JSON output."""

    sampled: int = 0  # completions in all (from_cache included)
    from_cache: int = 0  # of those, drawn by an earlier run (solver.sample_cache)
    extracted: int = 0  # completions with usable code (truncated ones are dropped)
    truncated: int = 0  # completions that ran out of tokens
    unique: int = 0  # distinct programs after normalised-source dedupe
    compiled: int = 0  # unique programs that did not get CE
    passed_examples: int = 0  # unique programs that passed every example
    generated_inputs: int = 0  # inputs the survivors were clustered on (after the filters)
    model_inputs: int = 0  # of those, inputs from model-written generators
    dropped_inputs: int = 0  # generated inputs left out: most survivors crashed or timed out
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
    evaluation: Evaluation | None = None  # None without hidden tests or when not asked for

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
    model_inputs: Sequence[bytes] = (),
    example_results: Mapping[str, list[RunResult]] | None = None,
) -> SolveResult:
    """Filter the sampled programs on the examples, cluster survivors, choose the top k.

    `model_inputs`: extra inputs for clustering, printed by model-written generators
    (solver.generators); mutated example inputs are always added.
    `example_results`: example runs already done (by Program.key), e.g. while sampling was still
    going on (solver.stream); only the programs missing from it are run on the examples.
    """
    stats = Stats(sampled=len(samples))
    stats.from_cache = sum(1 for sample in samples if sample.from_cache)
    stats.truncated = sum(1 for sample in samples if not sample.finished)
    stats.extracted = sum(1 for sample in samples if sample.program is not None)
    unique = programs_from(samples)
    stats.unique = len(unique)
    limits = limits_for(problem)

    known = dict(example_results or {})
    missing = [p for p, _ in unique if p.key not in known]
    example_results = known | run_stage(
        "examples", executor, missing, as_tests(problem.examples), problem, limits, progress,
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

    mutated = mutate_inputs([case.input for case in problem.examples], options.generated_inputs,
                            seed=options.seed, max_bytes=options.max_input_bytes,
                            bounds=statement_bounds(problem.statement))
    from_model = distinct_inputs(
        model_inputs, exclude=[*mutated, *(case.input for case in problem.examples)],
        max_bytes=options.max_input_bytes,
    )
    inputs = mutated + from_model
    generated = [Test(f"generated/{i}", data) for i, data in enumerate(inputs)]
    behaviour = run_stage(
        "clustering", executor, [c.program for c in survivors], generated, problem, limits,
        progress,
    )
    kept = runnable_inputs(len(inputs), [behaviour[c.key] for c in survivors],
                           options.min_ok_share)
    behaviour = {key: [runs[i] for i in kept] for key, runs in behaviour.items()}
    stats.generated_inputs = len(kept)
    stats.model_inputs = sum(1 for i in kept if i >= len(mutated))
    stats.dropped_inputs = len(inputs) - len(kept)
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
    evaluation = None
    if options.evaluate_hidden and problem.hidden:
        evaluation = evaluate(problem, len(samples), survivors, chosen, executor, options,
                              progress)
    return SolveResult(problem=problem, candidates=chosen, stats=stats, clusters=clusters,
                       evaluation=evaluation)


def evaluate(
    problem: Problem,
    sampled: int,
    survivors: list[Candidate],
    chosen: list[ChosenProgram],
    executor: Executor,
    options: SelectionOptions,
    progress: Progress | None,
) -> Evaluation | None:
    """Judge on the hidden tests after the choice: fill in the chosen programs' verdicts and,
    when every survivor is judged, return solved@k and pass@k (None otherwise)."""
    if not chosen:
        # Nothing passed the examples: every sample fails, pass@k is 0.
        return summarise(sampled, [], {}, [], len(problem.hidden))
    judged = survivors if options.evaluate_all_survivors else chosen
    verdicts = hidden_verdicts(problem, [c.program for c in judged], executor, progress)
    for candidate in chosen:
        found = verdicts[candidate.program.key]
        candidate.hidden_verdict, candidate.hidden_passed = found.verdict, found.passed
    if not options.evaluate_all_survivors:
        return None
    return summarise(
        samples=sampled,
        survivors=[(c.program, c.weight) for c in survivors],
        verdicts=verdicts,
        chosen=[c.program for c in chosen],
        hidden_tests=len(problem.hidden),
    )


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
    return judge(executor, programs, tests, limits, problem.output_checker, tick)


def hidden_verdicts(
    problem: Problem,
    programs: list[Program],
    executor: Executor,
    progress: Progress | None,
) -> dict[str, HiddenVerdict]:
    """Each program's verdict on the hidden tests, by Program.key. Evaluation only."""
    distinct = list({program.key: program for program in programs}.values())
    results = run_stage(
        "hidden tests", executor, distinct, as_tests(problem.hidden), problem,
        limits_for(problem), progress,
    )
    return {
        key: HiddenVerdict(overall(runs), sum(1 for run in runs if run.verdict is Verdict.OK))
        for key, runs in results.items()
    }
