"""Which sampler a run uses: remote OpenAI-compatible endpoints when any are given, else the
in-process engine (one per process, shared)."""

from __future__ import annotations

from collections.abc import Sequence

from solver.sampling.types import Completion, GenerationParams, Prompt, Sampler


def open_sampler(model: str, *, endpoints: Sequence[str] = (), engine=None) -> Sampler:
    """The sampler for `model` (an HF id, a local path or the embedded default).

    endpoints: base URLs of OpenAI-compatible servers; when given, nothing is loaded here.
    engine: solver.sampling.engine.EngineOptions for the in-process engine (None: defaults).
    """
    if endpoints:
        from solver.sampling.endpoints import EndpointSampler

        return EndpointSampler(list(endpoints), model)
    from solver.sampling.engine import EngineOptions, shared_sampler
    from solver.sampling.models import resolve_model

    return shared_sampler(resolve_model(model), engine or EngineOptions())


def complete_many(sampler: Sampler, prompts: list[Prompt], params: GenerationParams
                  ) -> list[list[Completion]]:
    """params.n completions of each prompt: in one batch where the sampler batches (the engine,
    endpoints), else one request after another."""
    batched = getattr(sampler, "complete_many", None)
    if batched is not None:
        return batched(prompts, params)
    return [sampler.complete(prompt, params) for prompt in prompts]
