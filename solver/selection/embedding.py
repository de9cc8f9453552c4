"""Program embeddings for the learned ranker: the mean of the embedded sampling model's last
hidden layer over the program's tokens (SmolLM2-135M-Instruct, 576 numbers), cached by source.

Why this model: vLLM's generate engine does not return hidden states, but the same weights load
through transformers from the folder the sampler already uses (solver.sampling.models), so the
embedding is the sampling model's own view of the program, with no further package or download;
on a CPU it costs about 0.1-1 s per program (1 thread, busy machine). When solving with another
model the embedding is still SmolLM2's: the scorer was trained on these numbers.

An edge: torch and transformers load on the first program not in the cache. The cache is one
JSON-lines file per embedding name under the cache dir; a kill loses at most the line in flight.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from solver.config import cache_dir
from solver.files import append_lines

EMBEDDING_NAME = "smollm2-135m-instruct/mean-last-hidden/v1"
MAX_TOKENS = 512  # longer programs are cut: their start says most about them
BATCH = 8


def source_hash(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "replace")).hexdigest()[:24]


class ProgramEmbedder:
    """embed(sources) -> one vector per source; the model loads only when a source is new.

    cache: the JSON-lines file (None: under cpsolve's cache dir). threads: torch's CPU threads
    (1 leaves the other cores to the sandbox; more embed a large batch faster).
    """

    name = EMBEDDING_NAME

    def __init__(self, *, cache: Path | None = None, threads: int = 1) -> None:
        safe = EMBEDDING_NAME.replace("/", "_")
        self.path = cache or cache_dir() / "scorer" / f"embeddings-{safe}.jsonl"
        self.threads = threads
        self._known: dict[str, list[float]] = self._read()
        self._model = None
        self._tokenizer = None

    def _read(self) -> dict[str, list[float]]:
        known: dict[str, list[float]] = {}
        if not self.path.exists():
            return known
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                    known[record["key"]] = [float(v) for v in record["vector"]]
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a kill
        return known

    def _load(self) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as transformers_logging

        from solver.sampling.models import prepare_embedded_model

        folder = prepare_embedded_model()
        transformers_logging.disable_progress_bar()  # one line per load is noise on stderr
        torch.set_num_threads(self.threads)
        self._tokenizer = AutoTokenizer.from_pretrained(str(folder))
        if self._tokenizer.pad_token is None:
            self._tokenizer.pad_token = self._tokenizer.eos_token
        self._model = AutoModel.from_pretrained(str(folder), dtype=torch.float32).eval()

    def _compute(self, sources: Sequence[str]) -> list[list[float]]:
        import torch

        if self._model is None:
            self._load()
        vectors: list[list[float]] = []
        with torch.no_grad():
            for start in range(0, len(sources), BATCH):
                encoded = self._tokenizer(list(sources[start:start + BATCH]),
                                          return_tensors="pt", padding=True, truncation=True,
                                          max_length=MAX_TOKENS)
                hidden = self._model(**encoded).last_hidden_state
                mask = encoded["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                means = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)
                vectors += [[round(float(v), 5) for v in row] for row in means]
        return vectors

    def embed(self, sources: Sequence[str]) -> list[list[float]]:
        keys = [source_hash(source) for source in sources]
        missing = list({key: source for key, source in zip(keys, sources, strict=True)
                        if key not in self._known}.items())
        missing.sort(key=lambda item: len(item[1]))  # batches of like lengths: little padding
        for start in range(0, len(missing), BATCH):  # kept batch by batch: a kill loses one
            part = missing[start:start + BATCH]
            fresh = self._compute([source for _, source in part])
            lines = []
            for (key, _), vector in zip(part, fresh, strict=True):
                self._known[key] = vector
                lines.append(json.dumps({"key": key, "vector": vector}) + "\n")
            append_lines(self.path, "".join(lines))
        return [self._known[key] for key in keys]
