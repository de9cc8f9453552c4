"""Sampling: turn a Problem into many candidate programs.

prompt (chat messages) -> Sampler.sample(...) -> raw completions -> extract_program -> Program.
The only Sampler here is in-process vLLM (`vllm.LLM`); it is imported lazily so that commands
which do not sample never load torch.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml

from sandbox.jobs import Program
from solver.models import ModelError, cache_dir
from solver.problem import Problem
from solver.sample_cache import CachedCompletion, SampleCache, cache_key

CONFIG_DIR = Path(__file__).resolve().parent.parent / "configs"


@dataclass(frozen=True)
class ModelProfile:
    """How to prompt one family of models (configs/models/NAME.yaml).

    kind "chat": instruction-tuned models get messages (system prompt, worked example turns, the
    statement). kind "completion": base models get one text, `prompt_template` (e.g. the
    statement in a docstring) followed by `assistant_prefix` (the start of the program), and
    continue the program.
    """

    name: str
    system_prompt: str = ""
    kind: str = "chat"
    prompt_template: str = "{statement}\n"  # completion kind only
    worked_example: list[dict[str, str]] = field(default_factory=list)  # chat turns shown first
    user_template: str = "{statement}"
    language: str = "python3"
    max_tokens: int = 512
    stop: list[str] = field(default_factory=list)
    # Text the reply starts with (an opened code fence for chat, the program's first lines for
    # completion). The model continues it, so no tokens go on prose.
    assistant_prefix: str = ""
    # Randomised metadata per chunk of samples, as AlphaCode did (e.g. {"TAGS": ["greedy",
    # "math"], "RATING": ["800", "1200"]}); the template's {metadata} receives "KEY: value" lines.
    metadata: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, name: str) -> ModelProfile:
        path = CONFIG_DIR / "models" / f"{name}.yaml"
        if not path.exists():
            raise ValueError(f"no model profile {name!r} (looked for {path})")
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return cls(name=name, **data)


@dataclass(frozen=True)
class SamplingOptions:
    """What to ask the model for. Defaults suit small models on CPU."""

    model: str = "embedded:smollm2-135m-instruct"  # HF id, local path, or the embedded default
    profile: str = "default"  # configs/models/<profile>.yaml
    samples: int = 64
    temperature: float = 0.5
    top_p: float = 0.95
    max_tokens: int | None = None  # None: the profile's
    # The engine's seed (vLLM on CPU rejects per-request seeds, so seeding is per engine on every
    # device). None: a fresh random seed per process, so that a rerun that extends the cache
    # draws new completions instead of repeating the first ones.
    seed: int | None = None
    gpu_memory_utilization: float | None = None  # None: 0.3 on CPU (a share of RAM), 0.9 on GPU
    tensor_parallel_size: int = 1
    max_model_len: int = 4096


@dataclass(frozen=True)
class Sample:
    """One raw completion and what was extracted from it."""

    index: int
    text: str
    finished: bool  # False when the model ran out of tokens (the code is likely cut off)
    program: Program | None  # None when no usable code was found
    from_cache: bool = False  # drawn by an earlier run (see solver.sample_cache)


class Sampler(Protocol):
    def complete(self, prompt: Prompt, n: int) -> list[tuple[str, bool]]:
        """Return n completions of one prompt (chat messages or text), each (text, finished
        normally: False when it ran out of tokens)."""
        ...


def statement_for_prompt(problem: Problem) -> str:
    """The statement as the model sees it: text, limits and the examples (never hidden tests)."""
    parts = [f"# {problem.title}", "", problem.statement.strip(), ""]
    parts.append(
        f"Time limit: {problem.time_limit_s:g} seconds. Memory limit: {problem.memory_limit_mb} MB."
    )
    for number, example in enumerate(problem.examples, 1):
        parts += [
            "",
            f"Example {number} input:",
            "```",
            example.input.decode("utf-8", "replace").rstrip("\n"),
            "```",
            f"Example {number} output:",
            "```",
            example.output.decode("utf-8", "replace").rstrip("\n"),
            "```",
        ]
    return "\n".join(parts)


Prompt = list[dict[str, str]] | str  # chat messages, or one text for completion models


def choose_metadata(profile: ModelProfile, draw: int) -> str:
    """The metadata lines for one chunk of samples: random, but the same for the same draw."""
    rng = random.Random(f"{profile.name}:{draw}")
    return "\n".join(f"{key}: {rng.choice(values)}" for key, values in profile.metadata.items()
                     if values)


def build_prompt(problem: Problem, profile: ModelProfile, metadata: str = "") -> Prompt:
    statement = statement_for_prompt(problem)
    if profile.kind == "completion":
        text = profile.prompt_template.format(statement=statement, metadata=metadata)
        return text + profile.assistant_prefix
    messages = []
    if profile.system_prompt.strip():
        messages.append({"role": "system", "content": profile.system_prompt.strip()})
    messages += profile.worked_example
    user = profile.user_template.format(statement=statement, metadata=metadata)
    messages.append({"role": "user", "content": user})
    if profile.assistant_prefix:
        messages.append({"role": "assistant", "content": profile.assistant_prefix})
    return messages


def build_messages(problem: Problem, profile: ModelProfile) -> list[dict[str, str]]:
    """The chat prompt (chat profiles only)."""
    prompt = build_prompt(problem, profile)
    assert isinstance(prompt, list), "completion profiles have no messages"
    return prompt


FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+#-]*)[^\n]*\n(.*?)(?:```|\Z)", re.DOTALL)


def extract_program(text: str, language: str = "python3") -> Program | None:
    """The program in a completion: the first fenced block tagged with the language, else the
    longest untagged block, else the whole text if it looks like code.

    Returns None when nothing that could be code is there.
    """
    blocks = [(tag.lower(), body) for tag, body in FENCE.findall(text) if body.strip()]
    tags = {"python", "python3", "py"} if language == "python3" else {"cpp", "c++", "cc", "cxx"}
    tagged = [body for tag, body in blocks if tag in tags]
    untagged = [body for tag, body in blocks if not tag]
    if tagged:
        code = tagged[0]
    elif untagged:
        code = max(untagged, key=len)
    elif not blocks and language == "python3" and looks_like_python(text):
        code = text
    else:
        return None
    code = code.strip("\n") + "\n"
    return Program(language=language, source=code)


def looks_like_python(text: str) -> bool:
    return bool(re.search(r"^\s*(import |from |def |print\(|for |while |[a-z_]+\s*=)", text, re.M))


def normalised_hash(program: Program) -> str:
    """Hash of the source with comments, blank lines and trailing spaces removed: for dedupe."""
    lines = []
    for line in program.source.splitlines():
        if program.language == "python3":
            stripped = line.rstrip()
            if stripped.lstrip().startswith("#"):
                continue
        else:
            stripped = re.sub(r"//.*$", "", line).rstrip()
        if stripped.strip():
            lines.append(stripped)
    digest = hashlib.sha256(("\n".join(lines) + program.language).encode()).hexdigest()
    return digest[:16]


def split_evenly(total: int, parts: int) -> list[int]:
    """[5, 5, 4] for (14, 3): how many completions each endpoint or stream draws."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def to_sample(index: int, text: str, finished: bool, profile: ModelProfile,
              from_cache: bool = False) -> Sample:
    if profile.kind == "completion":
        # The whole continuation is code: the program's first lines, then what the model wrote.
        text = profile.assistant_prefix + text
        program = Program(profile.language, text.rstrip() + "\n") if finished else None
        return Sample(index, text, finished, program, from_cache)
    if profile.assistant_prefix:
        # Put the prefix back (and close a fence the stop sequence swallowed).
        text = profile.assistant_prefix + text + ("\n```" if finished else "")
    program = extract_program(text, profile.language) if finished else None
    return Sample(index, text, finished, program, from_cache)


def sampling_key(
    problem: Problem, profile: ModelProfile, options: SamplingOptions
) -> dict:
    """Everything that shapes a completion: the sample cache's key."""
    return {
        "prompt": build_prompt(problem, profile),
        "metadata": profile.metadata,
        "model": options.model,
        "temperature": options.temperature,
        "top_p": options.top_p,
        "max_tokens": options.max_tokens or profile.max_tokens,
        "stop": profile.stop,
        "language": profile.language,
    }


def open_sample_cache(
    problem: Problem, profile: ModelProfile, options: SamplingOptions
) -> SampleCache:
    """The on-disk cache of completions for this prompt, model and parameters."""
    key = cache_key(sampling_key(problem, profile, options))
    return SampleCache(cache_dir() / "samples", key)


def draw_samples(
    problem: Problem,
    sampler: Sampler,
    profile: ModelProfile,
    count: int,
    cache: SampleCache | None = None,
    chunk_size: int | None = None,
    on_chunk: Callable[[list[Sample]], None] | None = None,
) -> list[Sample]:
    """`count` samples: first those in the cache, then new ones drawn in chunks.

    Each chunk is appended to the cache as soon as it is drawn and handed to `on_chunk`, so
    execution can start while sampling goes on and a kill loses at most one chunk.
    """
    cached = cache.load()[:count] if cache is not None else []
    samples = [to_sample(c.index, c.text, c.finished, profile, True) for c in cached]
    if samples and on_chunk is not None:
        on_chunk(samples)
    step = chunk_size or count
    while len(samples) < count:
        want = min(step, count - len(samples))
        metadata = choose_metadata(profile, len(samples)) if profile.metadata else ""
        prompt = build_prompt(problem, profile, metadata)
        raw = [
            CachedCompletion(len(samples) + i, text, finished)
            for i, (text, finished) in enumerate(sampler.complete(prompt, want))
        ]
        if cache is not None:
            cache.append(raw)
        drawn = [to_sample(c.index, c.text, c.finished, profile) for c in raw]
        samples += drawn
        if on_chunk is not None:
            on_chunk(drawn)
    return samples


def on_cpu() -> bool:
    try:
        import torch

        return not torch.cuda.is_available()
    except ImportError:
        return True


class VllmSampler:
    """In-process vLLM. One engine per process: build it once, sample many problems."""

    def __init__(self, model_path: str, options: SamplingOptions, profile: ModelProfile) -> None:
        # The engine core in its own process needs `spawn`; keeping it in-process avoids that
        # and costs nothing for one caller.
        os.environ.setdefault("VLLM_ENABLE_V1_MULTIPROCESSING", "0")
        from vllm import LLM

        self.options = options
        self.profile = profile
        self.cpu = on_cpu()
        self.tokens_generated = 0  # for throughput reports
        utilisation = options.gpu_memory_utilization or (0.3 if self.cpu else 0.9)
        self.llm = LLM(
            model=model_path,
            gpu_memory_utilization=utilisation,
            tensor_parallel_size=options.tensor_parallel_size,
            max_model_len=options.max_model_len,
            seed=random.SystemRandom().randrange(2**31) if options.seed is None else options.seed,
        )

    def sampling_params(self, n: int):
        """vllm.SamplingParams for n completions under this sampler's options and profile."""
        from vllm import SamplingParams

        return SamplingParams(
            n=n,
            temperature=self.options.temperature,
            top_p=self.options.top_p,
            max_tokens=self.options.max_tokens or self.profile.max_tokens,
            stop=self.profile.stop or None,
        )

    def complete(self, prompt: Prompt, n: int) -> list[tuple[str, bool]]:
        params = self.sampling_params(n)
        if isinstance(prompt, str):
            outputs = self.llm.generate([prompt], params, use_tqdm=False)
        else:
            continuing = prompt[-1]["role"] == "assistant"
            outputs = self.llm.chat(
                [prompt],
                params,
                use_tqdm=False,
                add_generation_prompt=not continuing,
                continue_final_message=continuing,
            )
        completions = outputs[0].outputs
        self.tokens_generated += sum(len(out.token_ids) for out in completions)
        return [(out.text, out.finish_reason == "stop") for out in completions]


def programs_from(samples: Sequence[Sample]) -> list[tuple[Program, list[int]]]:
    """Unique programs (by normalised source) with the indices of the samples that gave them."""
    seen: dict[str, tuple[Program, list[int]]] = {}
    for sample in samples:
        if sample.program is None:
            continue
        key = normalised_hash(sample.program)
        if key in seen:
            seen[key][1].append(sample.index)
        else:
            seen[key] = (sample.program, [sample.index])
    return list(seen.values())


def open_sampler(
    options: SamplingOptions, profile: ModelProfile, endpoints: Sequence[str] = ()
) -> Sampler:
    """Remote OpenAI-compatible endpoints when any are given, else the in-process engine."""
    if endpoints:
        from solver.endpoints import EndpointSampler  # imports this module: import here

        return EndpointSampler(list(endpoints), options, profile)
    from solver.models import resolve_model

    return shared_sampler(resolve_model(options.model), options, profile)


_SAMPLERS: dict[tuple, VllmSampler] = {}


def shared_sampler(
    model_path: str, options: SamplingOptions, profile: ModelProfile
) -> VllmSampler:
    """One vLLM engine per process and model: tests and repeated calls reuse it.

    Engine start costs ~30 s on CPU, so `solve` on many problems (and a test run) pays it once.
    """
    key = (model_path, options.gpu_memory_utilization, options.tensor_parallel_size)
    sampler = _SAMPLERS.get(key)
    if sampler is None:
        try:
            sampler = VllmSampler(model_path, options, profile)
        except Exception as error:
            raise ModelError(f"could not load model {model_path}: {error}") from error
        _SAMPLERS[key] = sampler
    sampler.options = options
    sampler.profile = profile
    return sampler
