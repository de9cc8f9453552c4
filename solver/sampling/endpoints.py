"""Sampling over HTTP from OpenAI-compatible servers (vLLM's server on other machines, ...).

A request for n completions is split across the base URLs and sent in parallel; the client
retries transient failures (connection errors, 429, 5xx) with backoff.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from solver.sampling.cache import estimate_tokens
from solver.sampling.models import EMBEDDED_MODEL, ModelError
from solver.sampling.types import Completion, GenerationParams, Prompt, split_evenly


class EndpointSampler:
    """A Sampler over one or several OpenAI-compatible `/v1` base URLs."""

    def __init__(
        self,
        base_urls: list[str],
        model: str = EMBEDDED_MODEL,
        *,
        api_key: str = "EMPTY",
        retries: int = 3,
        timeout_s: float = 900.0,
    ) -> None:
        """model: the served model to ask for; the embedded default means "whatever the first
            endpoint serves" (a vLLM server serves one model).
        api_key: vLLM's server accepts any key unless started with one.
        retries: per request, with the client's backoff; timeout_s: per request (a big `n` on a
            CPU server takes minutes).
        """
        from openai import OpenAI

        if not base_urls:
            raise ModelError("no endpoint URL given")
        self.clients = [
            OpenAI(base_url=url.rstrip("/"), api_key=api_key, max_retries=retries,
                   timeout=timeout_s)
            for url in base_urls
        ]
        self.model = self.served_model() if model == EMBEDDED_MODEL else model

    def served_model(self) -> str:
        """The first model the first endpoint serves (used when no --model names one)."""
        first = self.clients[0]
        try:
            models = first.models.list().data
        except Exception as error:
            raise ModelError(f"endpoint {first.base_url} did not answer: {error}") from error
        if not models:
            raise ModelError(f"endpoint {first.base_url} serves no model")
        return models[0].id

    def complete(self, prompt: Prompt, params: GenerationParams) -> list[Completion]:
        shares = [(client, share) for client, share in
                  zip(self.clients, split_evenly(params.n, len(self.clients)), strict=True)
                  if share]
        with ThreadPoolExecutor(max_workers=len(shares)) as threads:
            parts = list(threads.map(lambda pair: self.request(*pair, prompt, params), shares))
        return [completion for part in parts for completion in part]

    def complete_many(self, prompts: list[Prompt], params: GenerationParams
                      ) -> list[list[Completion]]:
        """params.n completions of each prompt, the requests sent together (a server batches
        concurrent requests as the engine batches one call's)."""
        with ThreadPoolExecutor(max_workers=min(16, max(1, len(prompts)))) as threads:
            return list(threads.map(lambda prompt: self.complete(prompt, params), prompts))

    def request(self, client, n: int, prompt: Prompt,
                params: GenerationParams) -> list[Completion]:
        common = {
            "model": self.model,
            "n": n,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "max_tokens": params.max_tokens,
            "stop": list(params.stop) or None,
        }
        try:
            if isinstance(prompt, str):  # a base model: the plain completions API
                response = client.completions.create(prompt=prompt, **common)
                return completions(response, [choice.text or "" for choice in response.choices])
            continuing = prompt[-1]["role"] == "assistant"
            extra = {"add_generation_prompt": False, "continue_final_message": True}
            response = client.chat.completions.create(
                messages=prompt, extra_body=extra if continuing else None, **common
            )
        except Exception as error:
            raise ModelError(f"endpoint {client.base_url} failed: {error}") from error
        return completions(response, [choice.message.content or ""
                                      for choice in response.choices])


def completions(response, texts: list[str]) -> list[Completion]:
    """A response's choices as Completions: the usage's completion tokens split evenly over them
    (a server reports one count per request), so that their sum is exact; without usage, each
    completion's tokens estimated from its length."""
    usage = getattr(response, "usage", None)
    total = getattr(usage, "completion_tokens", None)
    if not total:  # a server that reports no usage: estimated, as old cache lines are
        shares = [estimate_tokens(text) for text in texts]
    else:
        shares = split_evenly(total, len(texts)) if texts else []
    return [Completion(text, choice.finish_reason == "stop", tokens)
            for text, choice, tokens in zip(texts, response.choices, shares, strict=True)]
