"""The sampling benchmark (`cpsolve bench sampling`): a script that prints ratios, not a test.

Measured side by side in one process, on one engine:
- tokens/s and programs/s through cpsolve (draw_samples, as `solve` calls it) vs the same request
  sent to vLLM directly (`LLM.chat`, same SamplingParams) vs transformers `generate` on the CPU;
- end to end: streamed sampling + example filtering vs max(sampling time, execution time).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace

from sandbox.tester import Executor
from solver.problem import Problem
from solver.run.stream import sample_and_filter
from solver.sampling.draw import draw_samples
from solver.sampling.engine import VllmSampler
from solver.sampling.profiles import ModelProfile
from solver.sampling.prompts import build_messages
from solver.sampling.types import GenerationParams, SamplingOptions

# transformers' tokens/s barely depends on the length; a cap keeps its share of the run short.
TRANSFORMERS_MAX_TOKENS = 128


@dataclass
class Throughput:
    seconds: float
    tokens: int
    programs: int  # completions with extractable code

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    @property
    def programs_per_s(self) -> float:
        return self.programs / self.seconds if self.seconds else 0.0


@dataclass
class SamplingBenchmark:
    samples: int
    cpsolve: Throughput
    vllm_direct: Throughput
    transformers: Throughput  # fewer samples (it is ~20x slower); rates are comparable
    transformers_samples: int
    sampling_s: float  # in the streamed run: time spent drawing
    execution_s: float  # in the streamed run: time spent judging on the examples
    end_to_end_s: float  # the streamed run's wall clock: sampling and filtering overlapped

    @property
    def ratios(self) -> dict[str, float]:
        return {
            "cpsolve_vs_vllm_tokens_per_s": self.cpsolve.tokens_per_s
            / max(self.vllm_direct.tokens_per_s, 1e-9),
            "vllm_vs_transformers_tokens_per_s": self.vllm_direct.tokens_per_s
            / max(self.transformers.tokens_per_s, 1e-9),
            "end_to_end_vs_max_stage": self.end_to_end_s
            / max(self.sampling_s, self.execution_s, 1e-9),
        }

    def as_dict(self) -> dict:
        data = asdict(self)
        for name in ("cpsolve", "vllm_direct", "transformers"):
            throughput: Throughput = getattr(self, name)
            data[name]["tokens_per_s"] = round(throughput.tokens_per_s, 1)
            data[name]["programs_per_s"] = round(throughput.programs_per_s, 2)
        data["ratios"] = {key: round(value, 3) for key, value in self.ratios.items()}
        data["targets"] = {"cpsolve_vs_vllm_tokens_per_s": ">= 0.9",
                           "end_to_end_vs_max_stage": "<= 1.15"}
        return data


def run_sampling_benchmark(
    problem: Problem,
    sampler: VllmSampler,
    executor: Executor,
    *,
    profile: ModelProfile,
    options: SamplingOptions,
    model_path: str,
    samples: int = 64,
    chunk_size: int = 32,
    transformers_samples: int = 2,
    budget_s: float | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> SamplingBenchmark:
    """Measure the three ways side by side on one engine (see the module's docstring).

    samples: completions per measurement, at most; chunk_size: as `solve` draws them;
    transformers_samples: fewer, since `generate` is far slower (rates stay comparable).
    budget_s: the time the measurements may take on this machine: `samples` is lowered to what
        a probe request says fits (three vLLM measurements in three quarters of it). None: all
        `samples`, however long that takes.
    on_progress(line): what is being measured now.
    """
    def say(line: str) -> None:
        if on_progress is not None:
            on_progress(line)

    messages = build_messages(problem, profile)
    # Warm-up: first requests pay for compilation and caches; the second is the probe of speed.
    sampler.complete(messages, profile.params(options, 2))
    if budget_s is not None:
        before, start = sampler.tokens_generated, time.perf_counter()
        sampler.complete(messages, profile.params(options, 8))
        probe_s, probe_tokens = time.perf_counter() - start, sampler.tokens_generated - before
        per_sample_s = probe_s / 8
        fits = int(0.25 * budget_s / max(per_sample_s, 1e-6))
        say(f"probe: {probe_tokens / max(probe_s, 1e-9):.0f} tokens/s at n=8; "
            f"{min(samples, max(8, fits))} samples per measurement fit in {budget_s:.0f} s")
        samples = min(samples, max(8, fits))
    say(f"vLLM directly: {samples} samples in one request")

    # vLLM directly, with exactly the request cpsolve would send.
    continuing = messages[-1]["role"] == "assistant"
    start = time.perf_counter()
    request = sampler.sampling_params(profile.params(options, samples))
    outputs = sampler.llm.chat([messages], request, use_tqdm=False,
                               add_generation_prompt=not continuing,
                               continue_final_message=continuing)
    direct_s = time.perf_counter() - start
    completions = outputs[0].outputs
    direct = Throughput(direct_s, sum(len(c.token_ids) for c in completions),
                        sum(1 for c in completions if c.finish_reason == "stop"))

    # Through cpsolve, in the chunks `solve` uses.
    say(f"through cpsolve: {samples} samples in chunks of {chunk_size}")
    before = sampler.tokens_generated
    start = time.perf_counter()
    drawn = draw_samples(problem, sampler, profile=profile, options=options, count=samples,
                         chunk_size=chunk_size)
    cpsolve_s = time.perf_counter() - start
    ours = Throughput(cpsolve_s, sampler.tokens_generated - before,
                      sum(1 for s in drawn if s.program is not None))

    # Streamed: a fresh draw with filtering overlapped; its own sampling and execution shares
    # are what the wall clock is compared with (the same completions, not another draw).
    say(f"streamed into the example filter: {samples} samples")
    start = time.perf_counter()
    streamed = sample_and_filter(problem, sampler, executor, profile=profile, options=options,
                                 count=samples, chunk_size=chunk_size)
    end_to_end_s = time.perf_counter() - start
    sampling_s, execution_s = streamed.progress.sampling_s, streamed.progress.execution_s

    say(f"transformers generate: {transformers_samples} samples of at most "
        f"{TRANSFORMERS_MAX_TOKENS} tokens")
    params = profile.params(options, transformers_samples)
    hf = transformers_throughput(model_path, messages, replace(
        params, max_tokens=min(params.max_tokens, TRANSFORMERS_MAX_TOKENS)))
    return SamplingBenchmark(
        samples=samples, cpsolve=ours, vllm_direct=direct, transformers=hf,
        transformers_samples=transformers_samples, sampling_s=sampling_s,
        execution_s=execution_s, end_to_end_s=end_to_end_s,
    )


def transformers_throughput(
    model_path: str, messages: list[dict[str, str]], params: GenerationParams
) -> Throughput:
    """transformers `generate` on the CPU with the same prompt and sampling settings.

    No stop strings here: transformers matches them across the prompt boundary (the template's
    newline + the reply's opening fence would stop it at once), and tokens/s is what is compared.
    """
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_path)
    model = AutoModelForCausalLM.from_pretrained(model_path, dtype=torch.float32)
    continuing = messages[-1]["role"] == "assistant"
    prompt = tokenizer.apply_chat_template(
        messages, tokenize=False, add_generation_prompt=not continuing,
        continue_final_message=continuing,
    )
    inputs = tokenizer(prompt, return_tensors="pt")
    start = time.perf_counter()
    with torch.no_grad():
        generated = model.generate(
            **inputs, do_sample=True, temperature=params.temperature, top_p=params.top_p,
            max_new_tokens=params.max_tokens, num_return_sequences=params.n,
            pad_token_id=tokenizer.pad_token_id,
        )
    seconds = time.perf_counter() - start
    new_tokens = generated[:, inputs["input_ids"].shape[1]:]
    counted = int((new_tokens != tokenizer.pad_token_id).sum())
    return Throughput(seconds, counted, params.n)
