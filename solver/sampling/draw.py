"""Drawing samples for one prompt profile: first those cached by earlier runs, then new ones in
chunks, each chunk kept on disk and handed on as soon as it is drawn."""

from __future__ import annotations

from collections.abc import Callable

from solver.problem import Problem
from solver.sampling.cache import CachedCompletion, SampleCache
from solver.sampling.extract import to_sample
from solver.sampling.profiles import ModelProfile
from solver.sampling.prompts import build_prompt, choose_metadata
from solver.sampling.types import Sample, Sampler, SamplingOptions


def draw_samples(
    problem: Problem,
    sampler: Sampler,
    *,
    profile: ModelProfile,
    options: SamplingOptions,
    count: int,
    cache: SampleCache | None = None,
    chunk_size: int | None = None,
    on_chunk: Callable[[list[Sample]], None] | None = None,
) -> list[Sample]:
    """`count` samples: first those in the cache, then new ones drawn in chunks.

    chunk_size: completions per request (None: all in one). Bigger chunks batch better on the
        engine; smaller ones start the sandbox sooner and lose less to a kill.
    on_chunk: called with each chunk as soon as it is drawn (and cached), so execution can start
        while sampling goes on.
    """
    cached = cache.load()[:count] if cache is not None else []
    samples = [to_sample(c.index, c.text, c.finished, profile, True, tokens=c.tokens)
               for c in cached]
    if samples and on_chunk is not None:
        on_chunk(samples)
    step = chunk_size or count
    while len(samples) < count:
        drawn = draw_chunk(problem, sampler, profile=profile, options=options,
                           start=len(samples), count=min(step, count - len(samples)), cache=cache)
        samples += drawn
        if on_chunk is not None:
            on_chunk(drawn)
    return samples


def draw_chunk(
    problem: Problem,
    sampler: Sampler,
    *,
    profile: ModelProfile,
    options: SamplingOptions,
    start: int,
    count: int,
    cache: SampleCache | None = None,
) -> list[Sample]:
    """Samples start .. start+count-1, newly drawn in one request and appended to the cache
    (which must hold exactly the samples before `start`)."""
    metadata = choose_metadata(profile, start) if profile.metadata else ""
    prompt = build_prompt(problem, profile, metadata)
    raw = [CachedCompletion(start + i, *completion)
           for i, completion in enumerate(sampler.complete(prompt, profile.params(options, count)))]
    if cache is not None:
        cache.append(raw)
    return [to_sample(c.index, c.text, c.finished, profile, tokens=c.tokens) for c in raw]
