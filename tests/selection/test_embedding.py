"""Program embeddings from the embedded model's hidden states, cached by source."""

from __future__ import annotations

from pathlib import Path

import pytest

from solver.sampling.models import embedded_model_dir
from solver.selection.embedding import ProgramEmbedder

pytestmark = pytest.mark.skipif(not (embedded_model_dir() / "config.json").exists(),
                                reason="the embedded model is not prepared (make model)")


def test_embeddings_are_per_source_and_cached(tmp_path: Path) -> None:
    cache = tmp_path / "embeddings.jsonl"
    sources = ["print(2 * int(input()))\n", "n = int(input())\nprint(n + n)\n",
               "print(2 * int(input()))\n"]
    first = ProgramEmbedder(cache=cache)
    vectors = first.embed(sources)
    assert [len(v) for v in vectors] == [576] * 3
    assert vectors[0] == vectors[2] and vectors[0] != vectors[1]
    assert len(cache.read_text().splitlines()) == 2  # one line per distinct source
    again = ProgramEmbedder(cache=cache)
    assert again.embed(sources[:2]) == vectors[:2]
    assert again._model is None  # read from the cache: the model never loaded
    # Padding in a batch does not change a program's vector.
    alone = ProgramEmbedder(cache=tmp_path / "other.jsonl").embed([sources[1]])
    assert alone[0] == pytest.approx(vectors[1], abs=1e-3)
