"""The learned ranker: a logistic regression over a candidate's features (features.py) and its
program embedding (embedding.py) that estimates the chance the program passes the hidden tests.
Where is the learned order decided? Here: each cluster's members are ordered by that chance (the
best becomes the representative), and clusters by their best member's.

The model is plain data in a small JSON file (weights as numbers: diffable, well under a
megabyte); solver/train/ fits it. Inference is a few dot products, no torch.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from solver.config import cache_dir
from solver.files import write_whole
from solver.selection.clustering import Cluster
from solver.selection.features import FEATURES, candidate_features

FORMAT = "cpsolve-scorer"
VERSION = 1  # bump when FEATURES or the file's layout change
# The model shipped with the project, rebuilt by `make scorer-model` (see README).
SHIPPED_MODEL = Path(__file__).resolve().parents[2] / "configs" / "scorer" / "learned-v1.json"

# Sources in, one vector per source out (embedding.ProgramEmbedder.embed).
Embed = Callable[[Sequence[str]], list[list[float]]]


class ScorerError(Exception):
    """A scorer model file is missing or malformed; the message is one line naming it."""


@dataclass(frozen=True)
class ScorerModel:
    """A fitted logistic regression. Inputs: the FEATURES named in `features`, then the program
    embedding minus embedding_mean projected on `components` (PCA rows); all standardised by
    mean and scale before the weights apply."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    embedding: str | None = None  # embedding.ProgramEmbedder.name; None: no embedding used
    embedding_mean: tuple[float, ...] = ()
    components: tuple[tuple[float, ...], ...] = ()
    # Problems the training rows came from (their folder names): an evaluation must leave them
    # out (solver/bench/select.py does).
    trained_on: tuple[str, ...] = ()
    info: dict = field(default_factory=dict)  # rows, positives, settings, the rebuild command

    def inputs(self, values: Sequence[float], vector: Sequence[float] | None) -> list[float]:
        """The model's raw inputs for one candidate (before standardisation)."""
        row = list(values)
        if self.components:
            if vector is None or len(vector) != len(self.embedding_mean):
                raise ScorerError(f"embedding of {len(vector or ())} numbers for a model "
                                  f"trained on {len(self.embedding_mean)}")
            centred = [v - m for v, m in zip(vector, self.embedding_mean, strict=True)]
            row += [sum(a * b for a, b in zip(axis, centred, strict=True))
                    for axis in self.components]
        return row

    def probability(self, values: Sequence[float], vector: Sequence[float] | None = None
                    ) -> float:
        """The estimated chance that a candidate with these features passes the hidden tests."""
        row = self.inputs(values, vector)
        z = self.bias + sum(w * (x - m) / s for w, x, m, s in
                            zip(self.weights, row, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@dataclass(frozen=True)
class LearnedRanker:
    """A model and, when it uses one, the embedding it was trained with."""

    model: ScorerModel
    embed: Embed | None = None


def learned_scores(clusters: Sequence[Cluster], ranker: LearnedRanker, *,
                   oracle: Mapping[int, float] | None = None,
                   origins: Mapping[str, str] | None = None) -> dict[str, float]:
    """Per Program.key of every cluster member, the model's probability of passing."""
    rows = candidate_features(clusters, oracle=oracle, origins=origins)
    vectors: list[list[float]] | list[None] = [None] * len(rows)
    if ranker.model.components:
        if ranker.embed is None:
            raise ScorerError("this scorer needs program embeddings and none were given")
        vectors = ranker.embed([row.candidate.program.source for row in rows])
    return {row.candidate.key: ranker.model.probability(row.values, vector)
            for row, vector in zip(rows, vectors, strict=True)}


def rank_learned(clusters: Sequence[Cluster], ranker: LearnedRanker, *,
                 oracle: Mapping[int, float] | None = None,
                 origins: Mapping[str, str] | None = None
                 ) -> tuple[list[Cluster], dict[str, float]]:
    """The clusters by their best member's probability, highest first, each with its members in
    that order (the first is the representative); and the probabilities by Program.key.

    The clusters returned are copies (dataclasses.replace): maps keyed by id() of the given
    clusters (oracle shares) do not apply to them; match by signature. Equal probabilities keep
    the given order (size order, then time).
    """
    scores = learned_scores(clusters, ranker, oracle=oracle, origins=origins)
    reordered = []
    for cluster in clusters:
        members = sorted(cluster.members, key=lambda m: -scores[m.key])
        reordered.append(replace(cluster, members=members, representative=members[0]))
    reordered.sort(key=lambda c: -scores[c.representative.key])
    return reordered, scores


# --- the model file (plain JSON) ---------------------------------------------------------------


def _rounded(values: Sequence[float], digits: int = 6) -> list[float]:
    return [float(f"{v:.{digits}g}") for v in values]


def model_to_json(model: ScorerModel) -> dict:
    return {
        "format": FORMAT, "version": VERSION, "kind": "logistic-regression",
        "features": list(model.features), "embedding": model.embedding,
        "mean": _rounded(model.mean), "scale": _rounded(model.scale),
        "weights": _rounded(model.weights), "bias": float(f"{model.bias:.6g}"),
        "embedding_mean": _rounded(model.embedding_mean, 5),
        "components": [_rounded(axis, 5) for axis in model.components],
        "trained_on": list(model.trained_on), "info": model.info,
    }


def save_model(model: ScorerModel, path: Path) -> None:
    # A kill mid-write leaves the old model whole.
    write_whole(path, json.dumps(model_to_json(model), indent=1) + "\n")


def load_model(path: Path) -> ScorerModel:
    """A model file written by save_model; ScorerError if it is not one this version reads."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ScorerError(f"{path}: cannot read: {error.strerror or error}") from error
    except ValueError as error:
        raise ScorerError(f"{path}: not a JSON scorer model: {error}") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ScorerError(f"{path}: not a cpsolve scorer model")
    if data.get("version") != VERSION or tuple(data.get("features", ())) != FEATURES:
        raise ScorerError(f"{path}: scorer version {data.get('version')} with other features; "
                          f"this cpsolve reads version {VERSION}: retrain it (cpsolve "
                          "train-scorer)")
    try:
        model = ScorerModel(
            features=tuple(data["features"]), mean=tuple(data["mean"]),
            scale=tuple(data["scale"]), weights=tuple(data["weights"]),
            bias=float(data["bias"]), embedding=data.get("embedding"),
            embedding_mean=tuple(data.get("embedding_mean", ())),
            components=tuple(tuple(axis) for axis in data.get("components", ())),
            trained_on=tuple(data.get("trained_on", ())), info=dict(data.get("info", {})))
    except (KeyError, TypeError, ValueError) as error:
        raise ScorerError(f"{path}: malformed scorer model ({error})") from error
    inputs = len(model.features) + len(model.components)
    if not (len(model.mean) == len(model.scale) == len(model.weights) == inputs) \
            or any(len(axis) != len(model.embedding_mean) for axis in model.components):
        raise ScorerError(f"{path}: malformed scorer model (lengths do not match)")
    return model


def trained_model_path() -> Path:
    """Where `cpsolve train-scorer` writes its model by default (the cache dir)."""
    return cache_dir() / "scorer" / "learned.json"


def find_model(setting: str | None) -> Path | None:
    """The model file the `scorer` setting names: a path, or (empty) the shipped model. Not the
    cache dir's newest: which model ranks stays what the settings say. None: no such file."""
    path = Path(setting).expanduser() if setting else SHIPPED_MODEL
    return path if path.is_file() else None


def open_learned_ranker(setting: str | None = None) -> tuple[LearnedRanker | None, str]:
    """The learned ranker the `scorer` setting names, with its embedder when the model uses one;
    or None and one line saying why (no model file, or a file this version cannot read), for
    the caller to show before falling back to the size order."""
    path = find_model(setting)
    if path is None:
        return None, (f"ranker learned: no scorer model at {setting or SHIPPED_MODEL} "
                      "(cpsolve train-scorer makes one); ranking by size")
    try:
        model = load_model(path)
    except ScorerError as error:
        return None, f"ranker learned: {error}; ranking by size"
    embed = None
    if model.components:
        from solver.selection.embedding import ProgramEmbedder

        embedder = ProgramEmbedder()
        if model.embedding != embedder.name:
            return None, (f"ranker learned: {path} was trained on {model.embedding} embeddings, "
                          f"this cpsolve makes {embedder.name}; ranking by size")
        embed = embedder.embed
    return LearnedRanker(model, embed), f"ranker learned: {path}"
