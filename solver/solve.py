"""Solving one problem, the whole pipeline: sample (a model, or a folder of programs) -> run on
the examples -> select (generated inputs, clusters, top k) -> evaluate on hidden tests.

What `solve`, `listen` and `batch` all run. The model (Sampler) and the sandbox (Executor) come in
as arguments or are opened from the options; screens, files and flags stay with the caller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.jobs import Program, RunResult
from sandbox.tester import Executor
from solver.evaluation import Evaluation, evaluate
from solver.problem import Problem, TestCase
from solver.repair.budget import RepairOptions
from solver.repair.loop import sample_and_repair
from solver.run.examples import Progress
from solver.run.stream import StreamProgress, sample_mix
from solver.sampling.engine import EngineOptions
from solver.sampling.mix import SamplingStream, sampling_streams
from solver.sampling.profiles import mix_profiles
from solver.sampling.samplers import open_sampler
from solver.sampling.types import Sample, Sampler, SamplingOptions
from solver.selection.dual import draw_tests
from solver.selection.generators import GeneratorOptions, model_written_inputs
from solver.selection.oracles import draw_oracles
from solver.selection.scorer import LearnedRanker, open_learned_ranker
from solver.selection.select import ChosenProgram, Selection, SelectionOptions, Stats, select


@dataclass(frozen=True)
class SolveOptions:
    """Everything one solve needs beyond the problem (built from settings by solve_options)."""

    sampling: SamplingOptions = field(default_factory=SamplingOptions)
    selection: SelectionOptions = field(default_factory=SelectionOptions)
    engine: EngineOptions = field(default_factory=EngineOptions)
    endpoints: tuple[str, ...] = ()  # OpenAI-compatible servers; empty: the in-process engine
    temperature_mix: tuple[float, ...] = ()  # split samples over these (empty: the temperature)
    use_cache: bool = True  # completions from earlier runs count; new ones are kept
    cache_base: Path | None = None  # where they are kept (None: cpsolve's cache folder)
    # Samples per request: bigger batches run faster on the engine, smaller ones reach the
    # sandbox sooner; each chunk is cached and filtered while the next is drawn.
    chunk_size: int = 64
    generators: int = 2  # model-written input generators per size hint (0: mutations only)
    # Model-written brute-force programs asked for per problem (selection/oracles.py); the
    # "oracle" and "all" rankers use them. 0: none.
    oracles: int = 0
    # Replies asking the model for tests with expected outputs (selection/dual.py); the "dual"
    # ranker uses them. 0: none.
    model_tests: int = 0
    # Repair with the judge's feedback on the examples (solver/repair/); rounds 0: off.
    repair: RepairOptions = field(default_factory=RepairOptions)
    # Generated tokens the run may spend on solutions (fresh samples, repairs, notes), on top of
    # the sampling.samples cap. None: samples alone limit the run.
    token_budget: int | None = None
    evaluate_hidden: bool = True  # judge on hidden tests where the problem has them
    # Judge every survivor on the hidden tests, not only the chosen: pass@k needs them all.
    evaluate_all_survivors: bool = True


def solve_options(settings: Mapping, *, seed: int | None = None) -> SolveOptions:
    """SolveOptions from merged settings (solver.config): the one place `solve`, `listen`,
    `batch` and `bench` turn settings into options. seed: sampling and input mutation (None:
    random sampling, mutation seed 0)."""
    if settings["ranker"] == "dual" and not settings["model_tests"]:
        logging.getLogger("cpsolve").warning(
            "ranker dual with model_tests 0: no model-written tests, ranking by size")
    return SolveOptions(
        sampling=SamplingOptions(
            model=settings["model"], profile=settings["profile"], samples=settings["samples"],
            temperature=settings["temperature"], top_p=settings["top_p"],
        ),
        selection=SelectionOptions(top_k=settings["top_k"],
                                   generated_inputs=settings["generated_inputs"],
                                   restricted_inputs=settings["restricted_inputs"],
                                   check_constraints=settings["check_constraints"],
                                   input_rounds=settings["input_rounds"],
                                   largest_inputs=settings["largest_inputs"],
                                   tiny_inputs=settings["tiny_inputs"],
                                   round_seconds=settings["round_seconds"] or None,
                                   ranker=settings["ranker"],
                                   learned=learned_from(settings),
                                   seed=seed or 0),
        engine=EngineOptions(seed=seed, dtype=settings["dtype"],
                             engine_cpus=settings["engine_cpus"],
                             enforce_eager=settings["enforce_eager"]),
        endpoints=tuple(settings["endpoints"]),
        temperature_mix=tuple(settings["temperature_mix"]),
        use_cache=settings["cache"],
        chunk_size=settings["chunk_size"],
        generators=settings["generators"],
        oracles=settings["oracles"],
        model_tests=settings["model_tests"],
        repair=RepairOptions(rounds=settings["repair_rounds"], share=settings["repair_share"]),
        token_budget=settings["token_budget"] or None,
    )


def learned_from(settings: Mapping) -> LearnedRanker | None:
    """With ranker "learned": the model the `scorer` setting names (empty: the shipped one),
    saying on the cpsolve log which, or why there is none (then selection ranks by size)."""
    if settings["ranker"] != "learned":
        return None
    ranker, note = open_learned_ranker(settings.get("scorer") or None)
    logging.getLogger("cpsolve").log(logging.INFO if ranker else logging.WARNING, note)
    return ranker


def open_model(options: SolveOptions) -> Sampler:
    """The model the options name: endpoints when given, else the shared in-process engine.

    The prompt profiles are checked first: a typo costs no engine start."""
    mix_profiles(options.sampling.profile)
    return open_sampler(options.sampling.model, endpoints=options.endpoints,
                        engine=options.engine)


@dataclass
class ModelSamples:
    """One problem's samples from a model, their example runs, and model-written inputs."""

    samples: list[Sample]
    example_results: dict[str, list[RunResult]] = field(default_factory=dict)  # by Program.key
    model_inputs: list[bytes] = field(default_factory=list)
    oracles: list[Program] = field(default_factory=list)  # model-written brute forces
    tests: list[TestCase] = field(default_factory=list)  # model-written tests (dual.py)
    sampling_s: float = 0.0  # time spent drawing solutions (not generators, oracles)
    feedback_s: float = 0.0  # of that, drawing repairs and notes


def sample_with_model(
    problem: Problem,
    sampler: Sampler,
    executor: Executor,
    options: SolveOptions,
    *,
    progress: Progress | None = None,
    on_sampled: Callable[[list[Sample]], None] | None = None,
) -> ModelSamples:
    """Samples over the profile and temperature mix, filtered on the examples as they come;
    then, with generators > 0 and a chat profile in the mix, model-written inputs, with
    oracles > 0 model-written brute forces, and with model_tests > 0 and the dual ranker
    model-written tests.

    on_sampled(samples): runs as soon as sampling ends, to keep them before anything else can
        fail.
    """
    streams = sampling_streams(problem, options.sampling, temperature_mix=options.temperature_mix,
                               use_cache=options.use_cache, cache_base=options.cache_base)
    total = options.sampling.samples

    def moving(counts: StreamProgress) -> None:
        if progress is not None:
            progress("sampled", counts.sampled, total)
            progress("unique", counts.unique, max(counts.sampled, 1))
            progress("compiled", counts.compiled, max(counts.judged, 1))
            progress("passed examples", counts.passed_examples, max(counts.judged, 1))

    if options.repair.rounds > 0 or options.token_budget is not None:
        streamed = sample_and_repair(problem, sampler, executor, streams=streams, samples=total,
                                     tokens=options.token_budget, options=options.repair,
                                     chunk_size=options.chunk_size, on_progress=moving)
    else:  # plain sampling streams into the example filter: sampling and judging overlap
        streamed = sample_mix(problem, sampler, executor, streams=streams, count=total,
                              chunk_size=options.chunk_size, on_progress=moving)
    if on_sampled is not None:
        on_sampled(streamed.samples)
    model_inputs: list[bytes] = []
    chat = [stream for stream in streams if stream.profile.kind == "chat"]
    if options.generators > 0 and chat:
        like = chat[0].profile.params(chat[0].options, options.generators)
        generator_options = GeneratorOptions(
            programs_per_hint=options.generators, seed=options.selection.seed,
            temperature=like.temperature, top_p=like.top_p, max_tokens=like.max_tokens,
            stop=like.stop)
        model_inputs = model_written_inputs(problem, sampler, executor, generator_options)
    oracles: list[Program] = []
    if options.oracles > 0 and chat:
        oracles = draw_oracles(problem, sampler,
                               chat[0].profile.params(chat[0].options, options.oracles))
    # Only the dual ranker reads them: drawing them for another would spend tokens for nothing.
    tests = model_written_tests(problem, sampler, options, streams) \
        if options.selection.ranker == "dual" else []
    return ModelSamples(streamed.samples, streamed.example_results, model_inputs, oracles,
                        tests, streamed.progress.sampling_s, streamed.progress.feedback_s)


def model_written_tests(problem: Problem, sampler: Sampler, options: SolveOptions,
                        streams: Sequence[SamplingStream] | None = None) -> list[TestCase]:
    """options.model_tests replies of tests with expected outputs (selection/dual.py), asked as
    the mix's first chat stream samples (its profile and temperature); none without a chat
    profile. streams: the problem's sampling streams, when already made."""
    if options.model_tests <= 0:
        return []
    if streams is None:
        streams = sampling_streams(problem, options.sampling,
                                   temperature_mix=options.temperature_mix, use_cache=False)
    chat = [stream for stream in streams if stream.profile.kind == "chat"]
    if not chat:
        return []
    return draw_tests(problem, sampler, chat[0].profile.params(chat[0].options,
                                                               options.model_tests))


@dataclass
class SolveResult:
    """One problem solved: the selection and, where hidden tests exist, its evaluation."""

    selection: Selection
    evaluation: Evaluation | None = None  # None without hidden tests or when not asked for
    samples: list[Sample] = field(default_factory=list)  # what was selected from, in order
    sampling_s: float = 0.0  # time the model spent drawing them (0 for --samples-from)
    feedback_s: float = 0.0  # of that, drawing repairs and notes

    @property
    def problem(self) -> Problem:
        return self.selection.problem

    @property
    def candidates(self) -> list[ChosenProgram]:
        return self.selection.candidates

    @property
    def stats(self) -> Stats:
        return self.selection.stats

    @property
    def solved(self) -> bool | None:
        """Whether the first candidate passes the hidden tests (None: nothing to tell by)."""
        if not self.candidates or self.candidates[0].hidden_verdict is None:
            return None if not self.problem.hidden else False
        return self.candidates[0].hidden_verdict.value == "OK"


def solve_problem(
    problem: Problem,
    executor: Executor,
    options: SolveOptions,
    *,
    samples: Sequence[Sample] | None = None,
    model_inputs: Sequence[bytes] = (),
    sampler: Sampler | None = None,
    progress: Progress | None = None,
    on_sampled: Callable[[list[Sample]], None] | None = None,
) -> SolveResult:
    """Solve one problem end to end.

    samples: programs to select from (e.g. solver.sampling.folder.samples_from_folder); None
        samples them from the model.
    model_inputs: clustering inputs beyond the mutated examples (with a model, its generators'
        are added).
    sampler: the model to sample from (None: open_model(options), shared per process).
    progress(stage, done, total): for a display; on_sampled: see sample_with_model.
    """
    example_results: dict[str, list[RunResult]] = {}
    model_inputs = list(model_inputs)
    oracles: list[Program] = []
    model_tests: list[TestCase] = []
    sampling_s = feedback_s = 0.0
    if samples is None:
        if sampler is None:
            if progress is not None:  # shown while the engine starts
                progress("sampled", 0, options.sampling.samples)
            sampler = open_model(options)
        drawn = sample_with_model(problem, sampler, executor, options, progress=progress,
                                  on_sampled=on_sampled)
        samples, example_results = drawn.samples, drawn.example_results
        model_inputs += drawn.model_inputs
        oracles, model_tests = drawn.oracles, drawn.tests
        sampling_s, feedback_s = drawn.sampling_s, drawn.feedback_s
    selection = select(problem, samples, executor, options.selection, progress=progress,
                       model_inputs=model_inputs, example_results=example_results,
                       oracles=oracles, model_tests=model_tests)
    evaluation = None
    if options.evaluate_hidden:
        evaluation = evaluate(selection, executor, samples=len(samples),
                              all_survivors=options.evaluate_all_survivors, progress=progress)
    return SolveResult(selection, evaluation, list(samples), sampling_s, feedback_s)
