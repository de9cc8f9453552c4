"""A sample cache on disk, so an interrupted run resumes and a larger --samples draws only more.

Keyed by everything that shapes a completion: the prompt (hence the problem and the profile), the
model and the sampling parameters. Within a key, completions are stored by sample index as JSON
lines, appended chunk by chunk as they are drawn: a kill loses at most the chunk in flight.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from solver.config import cache_dir
from solver.files import append_lines
from solver.problem import Problem
from solver.sampling.profiles import ModelProfile
from solver.sampling.prompts import build_prompt
from solver.sampling.types import SamplingOptions


@dataclass(frozen=True)
class CachedCompletion:
    index: int
    text: str  # the raw completion as the model returned it
    finished: bool
    tokens: int  # generated; lines cached before tokens were counted: estimate_tokens(text)


def estimate_tokens(text: str) -> int:
    """About a token per 3.5 characters of code (a rough rule for BPE tokenizers): only for
    completions cached before their token counts were kept."""
    return max(1, round(len(text) / 3.5))


def cache_key(parts: dict) -> str:
    """A stable hash of the JSON form of `parts` (prompt, model, parameters)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:24]


class SampleCache:
    """Completions of one (prompt, model, parameters) key."""

    def __init__(self, root: Path, key: str) -> None:
        self.root = root
        self.path = root / key[:2] / f"{key}.jsonl"

    def load(self) -> list[CachedCompletion]:
        """The cached completions with indices 0..k-1 (a torn last line is ignored)."""
        if not self.path.exists():
            return []
        by_index: dict[int, CachedCompletion] = {}
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                    text = record["text"]
                    entry = CachedCompletion(record["index"], text, record["finished"],
                                             record.get("tokens") or estimate_tokens(text))
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a kill
                by_index.setdefault(entry.index, entry)
        prefix = []
        while len(prefix) in by_index:
            prefix.append(by_index[len(prefix)])
        return prefix

    def append(self, completions: list[CachedCompletion]) -> None:
        append_lines(self.path, "".join(
            json.dumps({"index": c.index, "text": c.text, "finished": c.finished,
                        "tokens": c.tokens}) + "\n"
            for c in completions
        ))


def sampling_key(problem: Problem, profile: ModelProfile, options: SamplingOptions) -> dict:
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
    problem: Problem, profile: ModelProfile, options: SamplingOptions, base: Path | None = None
) -> SampleCache:
    """The on-disk cache of completions for this prompt, model and parameters, under
    base/samples (base None: cpsolve's cache folder, solver.config.cache_dir)."""
    key = cache_key(sampling_key(problem, profile, options))
    return SampleCache((base or cache_dir()) / "samples", key)
