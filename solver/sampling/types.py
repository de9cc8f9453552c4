"""The data of the sampling stage: what is asked of a model and what comes back.

A Sampler is the one interface to a model (in-process vLLM in engine.py, OpenAI-compatible servers
in endpoints.py). As with vLLM's `LLM.generate(prompts, sampling_params)`, what to sample travels
with each call (`GenerationParams`), so one sampler serves every profile, temperature and problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Protocol

from sandbox.jobs import Program

Prompt = list[dict[str, str]] | str  # chat messages, or one text for completion (base) models


@dataclass(frozen=True)
class SamplingOptions:
    """What to ask the model for, per problem. Defaults suit small models on CPU."""

    model: str = "embedded:smollm2-135m-instruct"  # HF id, local path, or the embedded default
    profile: str = "default"  # configs/models/<profile>.yaml; "default,cpp" mixes profiles
    samples: int = 64
    temperature: float = 0.5
    top_p: float = 0.95
    max_tokens: int | None = None  # None: the profile's
    # No seed here: vLLM on CPU rejects per-request seeds, so seeding is per engine
    # (solver.sampling.engine.EngineOptions.seed).


@dataclass(frozen=True)
class GenerationParams:
    """One request's parameters, engine-neutral (vLLM's SamplingParams, an OpenAI request)."""

    n: int  # completions of the one prompt
    temperature: float
    top_p: float
    max_tokens: int  # a completion cut here is returned with finished=False
    stop: tuple[str, ...] = ()  # stop strings; the stop string itself is not returned


class Completion(NamedTuple):
    """One completion as a model returned it."""

    text: str
    finished: bool  # False when it ran out of tokens (max_tokens)
    # Tokens generated, the unit budgets are counted in. Exact from the in-process engine; from
    # a server, the request's usage split evenly over its completions (the sum is exact).
    tokens: int


# Where a sample came from (Sample.origin): drawn from the problem's prompt; drawn from it with
# a note on the commonest failure so far; a repair of another sample given the judge's feedback.
ORIGINS = ("sample", "resample", "repair")


@dataclass(frozen=True)
class Sample:
    """One raw completion and what was extracted from it."""

    index: int
    text: str
    finished: bool  # False when the model ran out of tokens (the code is likely cut off)
    program: Program | None  # None when no usable code was found
    from_cache: bool = False  # drawn by an earlier run (see solver.sampling.cache)
    tokens: int = 0  # generated tokens (an estimate for completions cached before tokens were)
    origin: str = "sample"  # one of ORIGINS
    parent: int | None = None  # a repair's: the index of the sample it repairs
    round: int = 0  # a repair's depth (1: of a sample, 2: of a repair...); a resample's round


class Sampler(Protocol):
    def complete(self, prompt: Prompt, params: GenerationParams) -> list[Completion]:
        """Return params.n completions of one prompt (chat messages or text)."""
        ...


def split_evenly(total: int, parts: int) -> list[int]:
    """[5, 5, 4] for (14, 3): how many completions each endpoint or stream draws."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]
