"""Streaming: programs go to the sandbox while sampling continues.

Sampling holds the model (a GPU, or on CPU its cores); the sandbox holds the containers. Drawing
in chunks and filtering each chunk on the examples in a background thread overlaps the two, so a
run costs about max(sampling, execution) instead of their sum.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace

from sandbox.jobs import RunResult
from sandbox.tester import Executor
from solver.problem import Problem
from solver.run.examples import count_examples, run_examples
from solver.sampling.cache import SampleCache
from solver.sampling.dedupe import new_programs
from solver.sampling.draw import draw_samples
from solver.sampling.mix import SamplingStream
from solver.sampling.profiles import ModelProfile
from solver.sampling.types import Sample, Sampler, SamplingOptions, split_evenly


@dataclass
class StreamProgress:
    """Counts as they move, for a progress display."""

    sampled: int = 0
    unique: int = 0
    judged: int = 0  # unique programs whose example runs are done
    compiled: int = 0  # of those, the ones that did not get CE
    passed_examples: int = 0
    sampling_s: float = 0.0  # time spent drawing (the model's share of the wall clock)
    feedback_s: float = 0.0  # of that, drawing repairs and notes (solver/repair/)
    execution_s: float = 0.0  # time spent judging on the examples (the sandbox's share)

    def add_judged(self, judged: dict[str, list[RunResult]], seconds: float) -> None:
        """Count a batch of programs judged on the examples, and the time it took."""
        counts = count_examples(judged.values())
        self.judged += counts.judged
        self.compiled += counts.compiled
        self.passed_examples += counts.passed
        self.execution_s += seconds

    def __add__(self, other: StreamProgress) -> StreamProgress:
        return StreamProgress(**{f.name: getattr(self, f.name) + getattr(other, f.name)
                                 for f in fields(self)})


@dataclass
class Streamed:
    samples: list[Sample]
    example_results: dict[str, list[RunResult]] = field(default_factory=dict)  # by Program.key
    progress: StreamProgress = field(default_factory=StreamProgress)


def sample_and_filter(
    problem: Problem,
    sampler: Sampler,
    executor: Executor,
    *,
    profile: ModelProfile,
    options: SamplingOptions,
    count: int,
    cache: SampleCache | None = None,
    chunk_size: int = 32,
    on_progress: Callable[[StreamProgress], None] | None = None,
) -> Streamed:
    """Draw `count` samples in chunks; run each new unique program on the examples meanwhile.

    chunk_size: completions per request; bigger chunks batch better on the engine, smaller ones
        start the sandbox sooner (see solver.sampling.draw).
    """
    progress = StreamProgress()
    results: dict[str, list[RunResult]] = {}
    seen: set[str] = set()
    chunks: queue.Queue = queue.Queue()
    failure: list[BaseException] = []

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
                judged = run_examples(executor, programs, problem)
            except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
                failure.append(error)
                continue
            progress.add_judged(judged, time.perf_counter() - started)
            results.update(judged)
            report()

    last_chunk_end = time.perf_counter()

    def on_chunk(drawn: list[Sample]) -> None:
        nonlocal last_chunk_end
        now = time.perf_counter()
        if not all(sample.from_cache for sample in drawn):
            progress.sampling_s += now - last_chunk_end
        last_chunk_end = now
        progress.sampled += len(drawn)
        fresh = new_programs((s.program for s in drawn if s.program is not None), seen)
        progress.unique += len(fresh)
        report()
        if fresh:
            chunks.put(fresh)

    worker = threading.Thread(target=execute, name="cpsolve-filter", daemon=True)
    worker.start()
    try:
        samples = draw_samples(problem, sampler, profile=profile, options=options, count=count,
                               cache=cache, chunk_size=chunk_size, on_chunk=on_chunk)
    finally:
        chunks.put(None)
        worker.join()
    if failure:
        raise failure[0]
    return Streamed(samples=samples, example_results=results, progress=progress)


def sample_mix(
    problem: Problem,
    sampler: Sampler,
    executor: Executor,
    *,
    streams: list[SamplingStream],
    count: int,
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
        done = total

        def moving(counts: StreamProgress, base: StreamProgress = done) -> None:
            if on_progress is not None:
                on_progress(base + counts)

        part = sample_and_filter(problem, sampler, executor, profile=stream.profile,
                                 options=stream.options, count=share, cache=stream.cache,
                                 chunk_size=chunk_size, on_progress=moving)
        offset = len(samples)
        samples += [replace(sample, index=offset + sample.index) for sample in part.samples]
        results.update(part.example_results)
        total = total + part.progress
    return Streamed(samples=samples, example_results=results, progress=total)
