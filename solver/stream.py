"""Streaming: programs go to the sandbox while sampling continues.

Sampling holds the model (a GPU, or on CPU one core); the sandbox holds the containers. Drawing in
chunks and filtering each chunk on the examples in a background thread overlaps the two, so a
run costs about max(sampling, execution) instead of their sum.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sandbox.jobs import RunResult, Verdict
from sandbox.tester import Executor, judge, overall
from solver.problem import Problem
from solver.sample_cache import SampleCache
from solver.sampling import (
    ModelProfile,
    Sample,
    Sampler,
    SamplingOptions,
    draw_samples,
    normalised_hash,
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
