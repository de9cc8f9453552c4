"""Streaming: programs go to the sandbox while sampling continues.

Sampling holds the model (a GPU, or on CPU one core); the sandbox holds the containers. Drawing in
chunks and filtering each chunk on the examples in a background thread overlaps the two, so a
run costs about max(sampling, execution) instead of their sum.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from sandbox.jobs import RunResult, Verdict
from sandbox.tester import Executor, judge, overall
from solver.config import ConfigError
from solver.generators import GeneratorOptions, model_written_inputs
from solver.problem import Problem
from solver.sample_cache import SampleCache
from solver.sampling import (
    ModelProfile,
    Sample,
    Sampler,
    SamplingOptions,
    draw_samples,
    normalised_hash,
    open_sample_cache,
    split_evenly,
)
from solver.solve import as_tests, limits_for


@dataclass
class StreamProgress:
    """Counts as they move, for a progress display."""

    sampled: int = 0
    unique: int = 0
    judged: int = 0  # unique programs whose example runs are done
    compiled: int = 0  # of those, the ones that did not get CE
    passed_examples: int = 0
    sampling_s: float = 0.0  # time spent drawing (the model's share of the wall clock)
    execution_s: float = 0.0  # time spent judging on the examples (the sandbox's share)


@dataclass
class Streamed:
    samples: list[Sample]
    example_results: dict[str, list[RunResult]] = field(default_factory=dict)  # by Program.key
    progress: StreamProgress = field(default_factory=StreamProgress)


def sample_and_filter(
    problem: Problem,
    sampler: Sampler,
    profile: ModelProfile,
    count: int,
    executor: Executor,
    cache: SampleCache | None = None,
    chunk_size: int = 32,
    on_progress: Callable[[StreamProgress], None] | None = None,
) -> Streamed:
    """Draw `count` samples in chunks; run each new unique program on the examples meanwhile."""
    progress = StreamProgress()
    results: dict[str, list[RunResult]] = {}
    seen: set[str] = set()
    chunks: queue.Queue = queue.Queue()
    failure: list[BaseException] = []
    tests = as_tests(problem.examples)
    limits = limits_for(problem)

    def report() -> None:
        if on_progress is not None:
            on_progress(progress)

    def execute() -> None:
        while True:
            programs = chunks.get()
            if programs is None:
                return
            if failure:
                continue  # keep draining so the producer never blocks
            started = time.perf_counter()
            try:
                judged = judge(executor, programs, tests, limits, problem.output_checker)
            except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
                failure.append(error)
                continue
            progress.execution_s += time.perf_counter() - started
            results.update(judged)
            progress.judged += len(programs)
            progress.compiled += sum(1 for runs in judged.values() if overall(runs) != Verdict.CE)
            progress.passed_examples += sum(
                1 for runs in judged.values() if overall(runs) is Verdict.OK
            )
            report()

    last_chunk_end = time.perf_counter()

    def on_chunk(drawn: list[Sample]) -> None:
        nonlocal last_chunk_end
        now = time.perf_counter()
        if not all(sample.from_cache for sample in drawn):
            progress.sampling_s += now - last_chunk_end
        last_chunk_end = now
        progress.sampled += len(drawn)
        fresh = []
        for sample in drawn:
            if sample.program is None:
                continue
            key = normalised_hash(sample.program)
            if key not in seen:
                seen.add(key)
                fresh.append(sample.program)
        progress.unique += len(fresh)
        report()
        if fresh:
            chunks.put(fresh)

    worker = threading.Thread(target=execute, name="cpsolve-filter", daemon=True)
    worker.start()
    try:
        samples = draw_samples(problem, sampler, profile, count, cache, chunk_size, on_chunk)
    finally:
        chunks.put(None)
        worker.join()
    if failure:
        raise failure[0]
    return Streamed(samples=samples, example_results=results, progress=progress)


@dataclass(frozen=True)
class SamplingStream:
    """One way of sampling in a mix: a prompt profile (hence a language) and its options."""

    profile: ModelProfile
    options: SamplingOptions
    cache: SampleCache | None = None


def sample_mix(
    problem: Problem,
    sampler: Sampler,
    streams: list[SamplingStream],
    count: int,
    executor: Executor,
    chunk_size: int = 64,
    on_progress: Callable[[StreamProgress], None] | None = None,
) -> Streamed:
    """AlphaCode-style diversity: `count` samples split evenly over streams (languages,
    temperatures), each streamed into the example filter. Sample indices run on across streams.
    """
    samples: list[Sample] = []
    results: dict[str, list[RunResult]] = {}
    total = StreamProgress()
    for stream, share in zip(streams, split_evenly(count, len(streams)), strict=True):
        if not share:
            continue
        # Both samplers take their sampling parameters and profile from these attributes.
        sampler.options, sampler.profile = stream.options, stream.profile  # type: ignore[attr-defined]
        done = StreamProgress(**vars(total))

        def moving(counts: StreamProgress, base: StreamProgress = done) -> None:
            if on_progress is not None:
                merged = StreamProgress(**{key: getattr(base, key) + value
                                           for key, value in vars(counts).items()})
                on_progress(merged)

        part = sample_and_filter(problem, sampler, stream.profile, share, executor, stream.cache,
                                 chunk_size, moving)
        offset = len(samples)
        samples += [replace(sample, index=offset + sample.index) for sample in part.samples]
        results.update(part.example_results)
        total = StreamProgress(**{key: getattr(total, key) + value
                                  for key, value in vars(part.progress).items()})
    return Streamed(samples=samples, example_results=results, progress=total)


# --- sampling one problem with a model: what `solve` and `batch` both run ------------------------


def mix_profiles(profile: str) -> list[ModelProfile]:
    """The prompt profiles of a mix: "default,cpp" mixes profiles (and so languages) in one run."""
    names = [name.strip() for name in profile.split(",") if name.strip()]
    if not names:
        raise ConfigError(f"profile {profile!r} names no profile")
    try:
        return [ModelProfile.load(name) for name in names]
    except ValueError as error:
        raise ConfigError(str(error)) from error


def sampling_streams(
    problem: Problem,
    options: SamplingOptions,
    temperature_mix: Sequence[float] = (),
    use_cache: bool = True,
) -> list[SamplingStream]:
    """One stream per (profile, temperature) of the mix, each with its own sample cache.

    `options.profile` may name several profiles ("default,cpp"); an empty `temperature_mix`
    means `options.temperature` alone.
    """
    streams = []
    for profile in mix_profiles(options.profile):
        for temperature in temperature_mix or [options.temperature]:
            stream_options = replace(options, profile=profile.name, temperature=float(temperature))
            cache = open_sample_cache(problem, profile, stream_options) if use_cache else None
            streams.append(SamplingStream(profile, stream_options, cache))
    return streams


def open_mix_sampler(options: SamplingOptions, endpoints: Sequence[str] = ()) -> Sampler:
    """The sampler for a mix (set up with its first profile; sample_mix switches per stream).

    The in-process engine is shared per process, so opening it again for each problem is free.
    """
    from solver import sampling  # looked up at call time (tests stand a fake model in)

    first = mix_profiles(options.profile)[0]
    return sampling.open_sampler(replace(options, profile=first.name), first, endpoints)


@dataclass
class ModelSamples:
    """One problem's samples from a model, their example runs, and model-written inputs."""

    streamed: Streamed
    model_inputs: list[bytes] = field(default_factory=list)


def sample_problem(
    problem: Problem,
    sampler: Sampler,
    streams: list[SamplingStream],
    count: int,
    executor: Executor,
    chunk_size: int = 64,
    generators: int = 0,
    seed: int | None = None,
    on_progress: Callable[[StreamProgress], None] | None = None,
    on_sampled: Callable[[list[Sample]], None] | None = None,
) -> ModelSamples:
    """`count` samples over the streams, filtered on the examples as they come; then, with
    `generators` > 0 and a chat profile in the mix, model-written inputs for clustering.

    `on_sampled(samples)` runs as soon as sampling ends (to keep them on disk before anything
    else can fail).
    """
    streamed = sample_mix(problem, sampler, streams, count, executor, chunk_size, on_progress)
    if on_sampled is not None:
        on_sampled(streamed.samples)
    model_inputs: list[bytes] = []
    chat = [stream for stream in streams if stream.profile.kind == "chat"]
    if generators > 0 and chat:
        sampler.options, sampler.profile = chat[0].options, chat[0].profile  # type: ignore[attr-defined]
        options = GeneratorOptions(programs_per_hint=generators, seed=seed or 0)
        model_inputs = model_written_inputs(problem, sampler, executor, options)
    return ModelSamples(streamed, model_inputs)
