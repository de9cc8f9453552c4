"""The sampling mix, AlphaCode-style: one stream per (prompt profile, temperature), each with its
own sample cache, so that samples differ in language and in boldness."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from solver.problem import Problem
from solver.sampling.cache import SampleCache, open_sample_cache
from solver.sampling.profiles import ModelProfile, mix_profiles
from solver.sampling.types import SamplingOptions


@dataclass(frozen=True)
class SamplingStream:
    """One way of sampling in a mix: a prompt profile (hence a language) and its options."""

    profile: ModelProfile
    options: SamplingOptions
    cache: SampleCache | None = None


def sampling_streams(
    problem: Problem,
    options: SamplingOptions,
    *,
    temperature_mix: Sequence[float] = (),
    use_cache: bool = True,
    cache_base: Path | None = None,
) -> list[SamplingStream]:
    """One stream per (profile, temperature) of the mix, each with its own sample cache.

    `options.profile` may name several profiles ("default,cpp"); an empty `temperature_mix`
    means `options.temperature` alone. use_cache=False draws everything afresh; cache_base:
    the folder the caches are kept under (None: cpsolve's cache folder).
    """
    streams = []
    for profile in mix_profiles(options.profile):
        for temperature in temperature_mix or [options.temperature]:
            stream_options = replace(options, profile=profile.name, temperature=float(temperature))
            cache = (open_sample_cache(problem, profile, stream_options, cache_base)
                     if use_cache else None)
            streams.append(SamplingStream(profile, stream_options, cache))
    return streams
