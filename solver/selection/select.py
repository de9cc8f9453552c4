"""The selection stage as one function: survivors of the example filter, generated inputs,
clusters, the top k. The sandbox (Executor) comes in as an argument, so the same stage runs on
programs from a model or from a folder, on Docker or on whatever implements `Executor.run`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sandbox.checkers import ValidatorFlags
from sandbox.jobs import Limits, Program, RunResult, SandboxError, Verdict
from sandbox.tester import Executor, Test, judge, overall
from solver.problem import Problem, TestCase
from solver.problem.types import InputValidator
from solver.run.examples import Progress, count_examples, judge_stage, run_examples
from solver.sampling.dedupe import programs_from
from solver.sampling.types import Sample
from solver.selection.clustering import Candidate, Cluster, cluster_programs, run_outcome
from solver.selection.constraints import InputConstraints, read_constraints
from solver.selection.dual import dual_scores
from solver.selection.inputs import agreed_inputs, distinct_inputs, runnable_inputs
from solver.selection.largest import largest_inputs
from solver.selection.mutation import mutate_inputs, restricted_inputs, statement_bounds
from solver.selection.oracles import oracle_shares
from solver.selection.ranking import choose_top, decided_by, rank_clusters
from solver.selection.rounds import grow_inputs
from solver.selection.scorer import LearnedRanker, rank_learned
from solver.selection.tiny import tiny_inputs


@dataclass(frozen=True)
class SelectionOptions:
    """How survivors are told apart and how many are kept. Defaults follow AlphaCode's shape
    (one batch of mutated inputs, clusters by size); the shipped configuration
    (configs/default.yaml) turns on what won its A/B on held-out problems: the statement's
    ranges, input rounds and the agreement ranker (README: "Telling wrong programs apart")."""

    top_k: int = 10  # how many programs to print or submit
    generated_inputs: int = 30  # mutated example inputs the survivors are clustered on
    # Inputs that take something away from an example (a letter, an order), beside the mutated
    # ones (mutation.restricted_inputs). 0: none; off by default until it wins its A/B.
    restricted_inputs: int = 0
    seed: int = 0  # seeds input mutation
    max_input_bytes: int = 1_000_000  # generated inputs longer than this are dropped
    # A generated input is kept when more than this share of the survivors runs on it without
    # crash or timeout: inputs most programs reject are likely outside the constraints.
    min_ok_share: float = 0.5
    # A generated input is kept when at least this share of the survivors agree on its outcome
    # (inputs.agreed_inputs); 0: off.
    min_agree_share: float = 0.0
    # Inputs that break a range the statement states (constraints.py) are never run. Off: every
    # generated input is run, as before ranges were read.
    check_constraints: bool = False
    # With check_constraints: mutation also draws inside the stated ranges and reaches their
    # ends. Off: inputs are mutated as without ranges, and only checked.
    range_aware_mutation: bool = True
    # Rounds of further inputs after the first clustering (rounds.py), run only on clusters
    # that can still split or be chosen; 0: one batch of inputs, as AlphaCode.
    input_rounds: int = 0
    round_inputs: int = 10  # new mutated and restricted inputs per round
    largest_inputs: int = 4  # inputs at the statement's largest sizes, in the first round
    # Tiny inputs in the first round (tiny.py: blocks cut to one or two items, the smallest
    # values, two-letter words), where greedy and edge-case mistakes show. 0: none; off by
    # default until it wins its A/B.
    tiny_inputs: int = 0
    # Wall-clock budget of the input rounds: no round starts once it is spent (None: rounds
    # and patience alone end them). A round already started finishes.
    round_seconds: float | None = None
    max_largest_bytes: int = 4_000_000  # a largest-size input is cut to fit this
    round_patience: int = 1  # rounds in a row without a split before stopping
    ranker: str = "size"  # ranking.RANKERS: the cluster order (see ranking.py)
    # With ranker "learned": the model and its embedding (scorer.py). None: the size order, as
    # ranking.rank_keys falls back (the caller says so once).
    learned: LearnedRanker | None = None


@dataclass
class Stats:
    """Counts per stage, as in the JSON output."""

    sampled: int = 0  # completions in all (from_cache included; repairs and notes too)
    # Generated tokens: fresh samples' / repairs' and notes' (solver/repair/). Cached completions
    # count what they cost when drawn (estimated for ones cached before tokens were counted).
    tokens_sampled: int = 0
    tokens_repair: int = 0
    repairs: int = 0  # completions repairing a failed program
    repairs_passed: int = 0  # distinct repaired programs that passed every example
    resamples: int = 0  # fresh completions whose prompt noted the commonest failure
    from_cache: int = 0  # of those, drawn by an earlier run (solver.sampling.cache)
    extracted: int = 0  # completions with usable code (truncated ones are dropped)
    truncated: int = 0  # completions that ran out of tokens
    unique: int = 0  # distinct programs after normalised-source dedupe
    compiled: int = 0  # unique programs that did not get CE
    passed_examples: int = 0  # unique programs that passed every example
    generated_inputs: int = 0  # inputs the survivors were clustered on (after the filters)
    model_inputs: int = 0  # of those, inputs from model-written generators
    dropped_inputs: int = 0  # generated inputs left out: most survivors crashed or timed out
    # Generated inputs that broke a range of the statement and were never run. Only ranges the
    # examples keep are checked; an input no range could be checked on counts as valid.
    invalid_inputs: int = 0
    input_rounds: int = 0  # rounds of further inputs run after the first clustering
    round_inputs: int = 0  # inputs those rounds added to the clustering (not counted above)
    splitting_rounds: int = 0  # of those rounds, how many split a cluster
    rounds_out_of_time: bool = False  # the round_seconds budget ended them
    model_tests: int = 0  # model-written tests run (valid, not an example: dual.py)
    clusters: int = 0
    # Which signal put rank 1 first (ranking.decided_by): size, tie, single, or the ranker's
    # own signal (runs-clean, oracle, dual, agreement); "learned" when the learned ranker put
    # another cluster than the biggest first.
    decided_by: str | None = None


@dataclass
class ChosenProgram:
    rank: int
    program: Program
    cluster_size: int  # samples that landed in its cluster (duplicates count)
    cluster_members: int  # distinct programs in its cluster
    sample_ids: list[int]
    # Lineage of its first sample (sample_ids[0]): "sample", "resample" or "repair"; a repair's
    # parent sample id and round (solver.sampling.types.Sample).
    origin: str = "sample"
    parent: int | None = None
    round: int = 0
    # Verdict on the hidden tests, filled in by solver.evaluation when the problem has them.
    # An evaluation number only: hidden tests never influence which program is chosen.
    hidden_verdict: Verdict | None = None
    hidden_passed: int | None = None


@dataclass
class Selection:
    """What the selection stage chose for one problem, and what it chose from."""

    problem: Problem
    candidates: list[ChosenProgram]  # the top k, in rank order
    stats: Stats
    clusters: list[Cluster] = field(default_factory=list)
    survivors: list[Candidate] = field(default_factory=list)  # passed every example
    # Every unique program's runs on the examples (by Program.key), to reuse them.
    example_results: dict[str, list[RunResult]] = field(default_factory=dict)
    # Per cluster (by id()), its agreement with the oracles (oracles.py); None: no oracles.
    oracle: dict[int, float] | None = None
    # Per cluster (by id()), CodeT's dual score (dual.py); None: no model-written tests.
    dual: dict[int, float] | None = None


def select(
    problem: Problem,
    samples: Sequence[Sample],
    executor: Executor,
    options: SelectionOptions = SelectionOptions(),
    *,
    progress: Progress | None = None,
    model_inputs: Sequence[bytes] = (),
    example_results: Mapping[str, list[RunResult]] | None = None,
    oracles: Sequence[Program] = (),
    model_tests: Sequence[TestCase] = (),
) -> Selection:
    """Filter the sampled programs on the examples, cluster survivors, choose the top k.

    model_inputs: extra inputs for clustering, printed by model-written generators
        (solver.selection.generators); mutated example inputs are always added.
    example_results: example runs already done (by Program.key), e.g. while sampling was still
        going on (solver.run.stream); only the programs missing from it are run on the examples.
    oracles: brute-force programs (slow, simple); those passing every example are run on the
        first batch of generated inputs, and the "oracle" and "all" rankers use where clusters
        agree with them (oracles.py). They are never chosen themselves.
    model_tests: model-written tests with expected outputs (dual.py); each cluster's
        representative is run on the valid ones, and the "dual" ranker uses how many it passed.
    """
    stats = Stats(sampled=len(samples))
    stats.from_cache = sum(1 for sample in samples if sample.from_cache)
    stats.truncated = sum(1 for sample in samples if not sample.finished)
    stats.extracted = sum(1 for sample in samples if sample.program is not None)
    unique = programs_from(samples)
    stats.unique = len(unique)

    known = dict(example_results or {})
    missing = [p for p, _ in unique if p.key not in known]
    example_results = known | run_examples(executor, missing, problem, progress)
    count_lineage(stats, samples, example_results)
    counts = count_examples(example_results[program.key] for program, _ in unique)
    stats.compiled = counts.compiled
    survivors = [
        Candidate(program=program, sample_ids=ids)
        for program, ids in unique
        if overall(example_results[program.key]) is Verdict.OK
    ]
    stats.passed_examples = len(survivors)

    example_inputs = [case.input for case in problem.examples]
    constraints = read_constraints(problem.statement, example_inputs) \
        if options.check_constraints else None

    asked: list[InputValidator] | None = None  # the validators that accept the examples
    # An interactive problem's generated input is its interactor's input file (the hidden
    # secret), whose consistency only the problem's own validators can vouch for: a mutated
    # sorted array is no longer sorted, and an interactor handed a contradiction fails, which
    # is a judge error. So generated inputs (answer file empty) go to the interactor only when
    # validators that accept the examples check them; else the survivors are clustered on
    # their transcripts of the examples alone (programs that ask the same questions agree).
    if problem.interactive:
        asked = validators_keeping_examples(problem, executor)
    generate = not problem.interactive or bool(asked)

    def valid_mask(batch: Sequence[bytes]) -> list[bool]:
        """Per input: keeps the checked ranges and, where the problem ships validators, is
        accepted by them (asked only about inputs the ranges let through)."""
        nonlocal asked
        keep = [constraints is None or constraints.check(data).valid for data in batch]
        if problem.input_validators and any(keep):
            if asked is None:
                asked = validators_keeping_examples(problem, executor)
            said = iter(validated(asked, [d for d, k in zip(batch, keep, strict=True) if k],
                                  executor))
            keep = [k and next(said) for k in keep]
        return keep

    bounds = statement_bounds(problem.statement)
    inputs, model_count = _first_inputs(example_inputs, model_inputs, options,
                                        constraints if options.range_aware_mutation else None,
                                        bounds) if generate else ([], 0)
    mask = valid_mask(inputs)
    stats.invalid_inputs = mask.count(False)
    model_count = sum(mask[len(inputs) - model_count:])
    inputs = [data for data, keep in zip(inputs, mask, strict=True) if keep]
    generated = [Test(f"generated/{i}", data) for i, data in enumerate(inputs)]
    behaviour = judge_stage("clustering", executor, [c.program for c in survivors], generated,
                            problem=problem, progress=progress)
    kept = runnable_inputs(len(inputs), [behaviour[c.key] for c in survivors],
                           options.min_ok_share)
    if options.min_agree_share > 0:
        outcomes = [[run_outcome(behaviour[c.key][i], problem.checker) for i in kept]
                    for c in survivors]
        kept = [kept[j] for j in agreed_inputs(len(kept), outcomes, options.min_agree_share)]
    behaviour = {key: [runs[i] for i in kept] for key, runs in behaviour.items()}
    stats.generated_inputs = len(kept)
    stats.model_inputs = sum(1 for i in kept if i >= len(inputs) - model_count)
    stats.dropped_inputs = len(inputs) - len(kept)
    # With no generated inputs every survivor gets the same signature: one cluster.
    behaviour = {c.key: behaviour.get(c.key, []) for c in survivors}
    if not generate:
        behaviour = {c.key: example_results[c.key] for c in survivors}
    clusters = cluster_programs(survivors, behaviour, problem.checker)
    if options.input_rounds > 0 and len(survivors) > 1 and generate:
        def judge(stage: str, programs: list[Program], tests: list[Test]
                  ) -> dict[str, list[RunResult]]:
            return judge_stage(stage, executor, programs, tests, problem=problem,
                               progress=progress)

        clusters, grown = grow_inputs(
            survivors, behaviour, clusters, judge,
            _round_inputs(example_inputs, options, constraints, bounds), valid_mask=valid_mask,
            seen=[*example_inputs, *inputs], flags=problem.checker,
            rounds=options.input_rounds, patience=options.round_patience, top_k=options.top_k,
            max_bytes=max(options.max_input_bytes, options.max_largest_bytes),
            min_ok_share=options.min_ok_share, seconds=options.round_seconds)
        stats.input_rounds = grown.rounds
        stats.round_inputs = grown.kept
        stats.splitting_rounds = grown.splits
        stats.rounds_out_of_time = grown.out_of_time
        stats.invalid_inputs += grown.invalid
        stats.dropped_inputs += grown.dropped
    stats.clusters = len(clusters)
    shares = None
    if oracles and clusters and generate:
        shares = oracle_shares(clusters, _oracle_outcomes(
            oracles, problem, executor, generated, kept, progress))
    dual = None
    if model_tests and clusters and generate:
        passes, stats.model_tests = _model_test_passes(clusters, model_tests, valid_mask,
                                                       problem, executor, progress)
        dual = dual_scores(clusters, passes)
    by_index = {sample.index: sample for sample in samples}
    if options.ranker == "learned" and options.learned is not None and clusters:
        ranked, _ = rank_learned(clusters, options.learned, oracle=shares,
                                 origins=sample_origins(survivors, by_index))
        stats.decided_by = "learned" if ranked[0].signature != clusters[0].signature \
            else decided_by(clusters, clusters, ranker="size")
        # The clusters are copies: oracle shares move over by signature.
        if shares is not None:
            by_signature = {c.signature: shares[id(c)] for c in clusters if id(c) in shares}
            shares = {id(c): by_signature[c.signature] for c in ranked
                      if c.signature in by_signature}
    else:
        ranked = rank_clusters(clusters, options.ranker, oracle=shares, dual=dual)
        stats.decided_by = decided_by(clusters, ranked, ranker=options.ranker, oracle=shares,
                                      dual=dual)
    clusters = ranked
    chosen = [
        ChosenProgram(
            rank=rank,
            program=candidate.program,
            cluster_size=cluster.size,
            cluster_members=len(cluster.members),
            sample_ids=candidate.sample_ids,
            **lineage(by_index.get(candidate.sample_ids[0]) if candidate.sample_ids else None),
        )
        for rank, cluster, candidate in choose_top(clusters, options.top_k)
    ]
    return Selection(problem=problem, candidates=chosen, stats=stats, clusters=clusters,
                     survivors=survivors, example_results=example_results, oracle=shares,
                     dual=dual if options.ranker != "learned" else None)


def sample_origins(survivors: Sequence[Candidate], by_index: Mapping[int, Sample]
                   ) -> dict[str, str]:
    """Per survivor (Program.key), the origin of its first sample ("sample", "repair",
    "resample"); survivors whose sample is unknown are left out (a fresh sample)."""
    return {c.key: by_index[c.sample_ids[0]].origin for c in survivors
            if c.sample_ids and c.sample_ids[0] in by_index}


def count_lineage(stats: Stats, samples: Sequence[Sample],
                  example_results: Mapping[str, list[RunResult]]) -> None:
    """Tokens and counts by origin (fresh, repair, resample) into stats."""
    stats.tokens_sampled = sum(s.tokens for s in samples if s.origin == "sample")
    stats.tokens_repair = sum(s.tokens for s in samples if s.origin != "sample")
    stats.repairs = sum(1 for s in samples if s.origin == "repair")
    stats.resamples = sum(1 for s in samples if s.origin == "resample")
    repaired = {s.program.key for s in samples if s.origin == "repair" and s.program is not None}
    stats.repairs_passed = sum(1 for key in repaired if example_results.get(key)
                               and overall(example_results[key]) is Verdict.OK)


def lineage(sample: Sample | None) -> dict:
    """A chosen program's origin, parent and round, from the sample it came from."""
    if sample is None:
        return {}
    return {"origin": sample.origin, "parent": sample.parent, "round": sample.round}


def _oracle_outcomes(oracles: Sequence[Program], problem: Problem, executor: Executor,
                     generated: list[Test], kept: list[int], progress: Progress | None
                     ) -> list[list[str | None]]:
    """Each oracle that passes the examples: its outcome per kept generated input, None where
    it did not answer in time (a brute force is allowed to be slow) or crashed."""
    on_examples = run_examples(executor, list(oracles), problem, progress)
    trusted = [p for p in oracles if overall(on_examples[p.key]) is Verdict.OK]
    if not trusted:
        return []
    tests = [generated[i] for i in kept]
    runs = judge_stage("oracles", executor, trusted, tests, problem=problem, progress=progress)
    return [[run_outcome(run, problem.checker) if run.verdict is Verdict.OK else None
             for run in runs[p.key]] for p in trusted]


def _model_test_passes(clusters: Sequence[Cluster], tests: Sequence[TestCase],
                       valid_mask: Callable[[Sequence[bytes]], list[bool]], problem: Problem,
                       executor: Executor, progress: Progress | None
                       ) -> tuple[dict[int, int], int]:
    """Per cluster (by id()), how many of the valid model-written tests its representative
    passes (the problem's checker against the model's expected output); and how many tests
    were valid. A test whose input breaks the statement's ranges is never run."""
    valid = [test for test, keep in zip(tests, valid_mask([t.input for t in tests]), strict=True)
             if keep]
    if not valid:
        return {}, 0
    runs = judge_stage("model tests", executor, [c.representative.program for c in clusters],
                       [Test(t.name, t.input, t.output) for t in valid], problem=problem,
                       progress=progress)
    return {id(c): sum(r.verdict is Verdict.OK for r in runs[c.representative.program.key])
            for c in clusters}, len(valid)


def _first_inputs(example_inputs: list[bytes], model_inputs: Sequence[bytes],
                  options: SelectionOptions, ranges: InputConstraints | None,
                  bounds: list[int]) -> tuple[list[bytes], int]:
    """The first batch of clustering inputs, before any validity check: mutated (and
    restricted) example inputs, then the model's; with how many came from the model.
    ranges: the statement's ranges mutation draws inside (None: mutation as without them)."""
    mutated = mutate_inputs(example_inputs, options.generated_inputs,
                            seed=options.seed, max_bytes=options.max_input_bytes,
                            bounds=bounds, constraints=ranges)
    mutated += distinct_inputs(
        restricted_inputs(example_inputs, options.restricted_inputs, seed=options.seed,
                          max_bytes=options.max_input_bytes),
        exclude=mutated, max_bytes=options.max_input_bytes)
    from_model = distinct_inputs(model_inputs, exclude=[*mutated, *example_inputs],
                                 max_bytes=options.max_input_bytes)
    return mutated + from_model, len(from_model)


def _round_inputs(example_inputs: list[bytes], options: SelectionOptions,
                  constraints: InputConstraints | None, bounds: list[int]
                  ) -> Callable[[int], tuple[list[bytes], int]]:
    """What each input round makes (rounds.MakeInputs): the largest sizes first (round 1 only,
    and only where the statement's ranges are read), the tiny ones (round 1), then restricted
    and mutated inputs."""
    def make(number: int) -> tuple[list[bytes], int]:
        seed = options.seed + 1000 * number
        largest = largest_inputs(example_inputs, constraints, options.largest_inputs,
                                 seed=seed, max_bytes=options.max_largest_bytes) \
            if constraints is not None and number == 1 else []
        tiny = tiny_inputs(example_inputs, options.tiny_inputs, constraints=constraints,
                           seed=seed, max_bytes=options.max_input_bytes) if number == 1 else []
        half = options.round_inputs // 2
        restricted = restricted_inputs(example_inputs, half, seed=seed,
                                       max_bytes=options.max_input_bytes)
        mutated = mutate_inputs(example_inputs, options.round_inputs - half, seed=seed,
                                max_bytes=options.max_input_bytes, bounds=bounds,
                                constraints=constraints if options.range_aware_mutation
                                else None)
        return largest + tiny + restricted + mutated, len(largest)

    return make


VALIDATOR_LIMITS = Limits(time_s=10.0, memory_mb=1024)  # generous: not a program under test


def validators_keeping_examples(problem: Problem, executor: Executor) -> list[InputValidator]:
    """The problem's input validators that accept every example. One that rejects an example is
    not asked (it wants arguments, or another convention): the examples are valid by definition.
    """
    examples = [case.input for case in problem.examples]
    return [validator for validator in problem.input_validators
            if all(validated([validator], examples, executor))]


def validated(validators: Sequence[InputValidator], inputs: Sequence[bytes],
              executor: Executor) -> list[bool]:
    """Per input, whether every validator accepts it (Kattis: exit 42; testlib: exit 0). A
    validator that does not compile is a judge error (SandboxError), not a verdict on the
    inputs."""
    accepted = [True] * len(inputs)
    tests = [Test(f"validate/{i}", data) for i, data in enumerate(inputs)]
    for validator in validators:
        runs = judge(executor, [validator.program], tests, VALIDATOR_LIMITS, ValidatorFlags())
        for i, run in enumerate(runs[validator.program.key]):
            if run.verdict is Verdict.CE:
                raise SandboxError(f"input validator did not compile: {run.stderr_tail[:200]}")
            accepted[i] = accepted[i] and run.exit_code == validator.valid_exit \
                and run.verdict in (Verdict.OK, Verdict.RE)
    return accepted
