"""The in-process model: one vLLM engine per process and model, shared by every call.

vLLM is imported lazily, so that commands which do not sample never load torch. How the engine is
set up for this machine (dtype, CPU threads) is decided in device.py.
"""

from __future__ import annotations

import logging
import os
import random
from dataclasses import dataclass

from solver.sampling.device import EngineSettings, choose_engine_settings
from solver.sampling.models import ModelError
from solver.sampling.types import Completion, GenerationParams, Prompt


@dataclass(frozen=True)
class EngineOptions:
    """How the engine is started (fixed for its life; what to sample travels with each call)."""

    # The engine's seed (vLLM on CPU rejects per-request seeds). None: a fresh random seed per
    # process, so a rerun that extends the sample cache draws new completions.
    seed: int | None = None
    dtype: str = "auto"  # solver.sampling.device.DTYPES; "auto": from the CPU's flags
    engine_cpus: int | None = None  # CPU only: cores for the engine's threads; None: all
    # Skip torch.compile at start (None: on a CPU yes, on a GPU no; see device.py).
    enforce_eager: bool | None = None
    gpu_memory_utilization: float | None = None  # None: 0.3 on CPU (a share of RAM), 0.9 on GPU
    tensor_parallel_size: int = 1  # GPUs one model is split over
    max_model_len: int = 4096  # prompt + completion tokens; the KV cache is sized for it


def on_gpu() -> bool:
    try:
        import torch

        return torch.cuda.is_available()
    except ImportError:
        return False


class VllmSampler:
    """In-process vLLM. Build it once (about half a minute on a CPU), sample many problems."""

    def __init__(self, model_path: str, options: EngineOptions) -> None:
        # The engine core in its own process needs `spawn`; keeping it in-process avoids that
        # and costs nothing for one caller.
        os.environ.setdefault("VLLM_ENABLE_V1_MULTIPROCESSING", "0")
        gpu = on_gpu()
        self.settings: EngineSettings = choose_engine_settings(
            on_gpu=gpu, dtype=options.dtype, engine_cpus=options.engine_cpus,
            enforce_eager=options.enforce_eager)
        os.environ.update(self.settings.environment)  # read by vLLM when the engine starts
        from vllm import LLM

        self.tokens_generated = 0  # for throughput reports
        utilisation = options.gpu_memory_utilization or (0.9 if gpu else 0.3)
        self.llm = LLM(
            model=model_path,
            dtype=self.settings.dtype,
            enforce_eager=self.settings.enforce_eager,
            gpu_memory_utilization=utilisation,
            tensor_parallel_size=options.tensor_parallel_size,
            max_model_len=options.max_model_len,
            seed=random.SystemRandom().randrange(2**31) if options.seed is None else options.seed,
        )

    @staticmethod
    def sampling_params(params: GenerationParams):
        """vllm.SamplingParams for one request."""
        from vllm import SamplingParams

        return SamplingParams(n=params.n, temperature=params.temperature, top_p=params.top_p,
                              max_tokens=params.max_tokens, stop=list(params.stop) or None)

    def complete(self, prompt: Prompt, params: GenerationParams) -> list[Completion]:
        return self.complete_many([prompt], params)[0]

    def complete_many(self, prompts: list[Prompt], params: GenerationParams
                      ) -> list[list[Completion]]:
        """params.n completions of each prompt, in one batch (the engine's throughput grows with
        the batch, so many short requests cost about what one big one does)."""
        sampling = self.sampling_params(params)
        results: list[list[Completion]] = [[] for _ in prompts]

        def kind(prompt: Prompt) -> str:
            if isinstance(prompt, str):
                return "text"
            return "continue" if prompt[-1]["role"] == "assistant" else "chat"

        # vLLM continues a final assistant message only for a whole batch: one batch per kind.
        for batch_kind in ("text", "chat", "continue"):
            positions = [i for i, prompt in enumerate(prompts) if kind(prompt) == batch_kind]
            if not positions:
                continue
            batch = [prompts[i] for i in positions]
            if batch_kind == "text":
                outputs = self.llm.generate(batch, sampling, use_tqdm=False)
            else:
                continuing = batch_kind == "continue"
                outputs = self.llm.chat(batch, sampling, use_tqdm=False,
                                        add_generation_prompt=not continuing,
                                        continue_final_message=continuing)
            for position, output in zip(positions, outputs, strict=True):
                results[position] = [
                    Completion(out.text, out.finish_reason == "stop", len(out.token_ids))
                    for out in output.outputs]
                self.tokens_generated += sum(c.tokens for c in results[position])
        return results


_ENGINES: dict[tuple, VllmSampler] = {}
log = logging.getLogger("cpsolve")


def shared_sampler(model_path: str, options: EngineOptions) -> VllmSampler:
    """One vLLM engine per process, model and engine options: tests and repeated calls reuse it.

    Engine start costs ~30 s on CPU, so `batch` over many problems (and a test run) pays it once.
    The seed is not part of the key: a second engine in one process would double the memory.
    """
    key = (model_path, options.dtype, options.engine_cpus, options.enforce_eager,
           options.gpu_memory_utilization, options.tensor_parallel_size, options.max_model_len)
    sampler = _ENGINES.get(key)
    if sampler is None:
        try:
            sampler = VllmSampler(model_path, options)
        except Exception as error:
            raise ModelError(f"could not load model {model_path}: {error}") from error
        _ENGINES[key] = sampler
        log.info("engine: %s", sampler.settings.reason)  # once per engine, when it is built
    return sampler
