"""Fitting the learned ranker, and scoring orders on labelled rows of problems it never saw.

The model: a logistic regression (torch, full-batch L-BFGS) on standardised execution features
plus, optionally, the program embedding reduced by PCA to a few components. With a few hundred
rows a 576-number embedding would be memorised, not learned: the PCA and a strong L2 penalty are
what keep it usable, and `embedding_components=0` measures the model without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import mean

from solver.selection.features import FEATURES
from solver.selection.scorer import ScorerModel
from solver.train.data import Row


@dataclass(frozen=True)
class FitOptions:
    """How the model is fitted. More components carry more of the program text and overfit
    sooner; a larger l2 shrinks every weight toward "the average candidate"."""

    embedding_components: int = 4  # PCA components of the embedding (0: no embedding)
    l2: float = 1.0  # penalty on the squared weights, per row
    iterations: int = 200  # L-BFGS steps (the problem is convex: it converges well before)
    # Weigh rows so every problem counts alike, not in proportion to its survivors.
    per_problem: bool = True


def fit_scorer(rows: Sequence[Row], options: FitOptions = FitOptions(), *,
               embeddings: Sequence[Sequence[float]] | None = None,
               embedding_name: str | None = None, info: dict | None = None) -> ScorerModel:
    """A ScorerModel fitted on the rows (labels: Row.passed). embeddings: one vector per row
    (needed when options.embedding_components > 0)."""
    import torch

    if not rows:
        raise ValueError("no training rows")
    torch.manual_seed(0)
    features = torch.tensor([list(row.values) for row in rows], dtype=torch.float64)
    components = torch.zeros((0, 0), dtype=torch.float64)
    centre = torch.zeros(0, dtype=torch.float64)
    use_embedding = options.embedding_components > 0
    if use_embedding:
        if embeddings is None or len(embeddings) != len(rows):
            raise ValueError("one embedding per row is needed for embedding_components > 0")
        vectors = torch.tensor([list(v) for v in embeddings], dtype=torch.float64)
        centre = vectors.mean(0)
        _, _, right = torch.linalg.svd(vectors - centre, full_matrices=False)
        components = right[:min(options.embedding_components, right.shape[0])]
        features = torch.cat([features, (vectors - centre) @ components.T], 1)
    labels = torch.tensor([float(row.passed) for row in rows], dtype=torch.float64)
    location = features.mean(0)
    scale = features.std(0, unbiased=False)
    scale = torch.where(scale > 1e-9, scale, torch.ones_like(scale))
    inputs = (features - location) / scale
    if options.per_problem:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.problem] = counts.get(row.problem, 0) + 1
        weight = torch.tensor([1.0 / counts[row.problem] for row in rows], dtype=torch.float64)
        weight = weight * len(rows) / weight.sum()
    else:
        weight = torch.ones(len(rows), dtype=torch.float64)
    weights = torch.zeros(inputs.shape[1], dtype=torch.float64, requires_grad=True)
    bias = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimiser = torch.optim.LBFGS([weights, bias], max_iter=options.iterations,
                                  line_search_fn="strong_wolfe")

    def loss() -> torch.Tensor:
        optimiser.zero_grad()
        logits = inputs @ weights + bias
        value = (torch.nn.functional.binary_cross_entropy_with_logits(
            logits, labels, weight=weight) + options.l2 * (weights ** 2).sum() / len(rows))
        value.backward()
        return value

    optimiser.step(loss)
    return ScorerModel(
        features=FEATURES, mean=tuple(location.tolist()), scale=tuple(scale.tolist()),
        weights=tuple(weights.detach().tolist()), bias=float(bias.detach()),
        embedding=embedding_name if use_embedding else None,
        embedding_mean=tuple(centre.tolist()) if use_embedding else (),
        components=tuple(tuple(axis) for axis in components.tolist()) if use_embedding else (),
        trained_on=tuple(sorted({row.problem for row in rows})), info=dict(info or {}))


# --- orders scored on labelled rows (no sandbox) -------------------------------------------------


def by_problem(rows: Sequence[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row.problem, []).append(row)
    return grouped


def _first_of(rows: Sequence[Row], key: Callable[[Row], tuple]) -> float:
    """solved@1 when clusters are ordered by key (smallest first) and each cluster's fastest
    member stands for it: the share of right programs among the tied first clusters."""
    heads = [row for row in rows if row.fastest]
    best = min(key(row) for row in heads)
    tied = [row for row in heads if key(row) == best]
    return mean(float(row.passed) for row in tied)


def _any_in_top(clusters: Sequence[Sequence[Row]], k: int) -> float:
    """solved@k of clusters in this order, members in theirs: choose_top's round robin."""
    chosen: list[Row] = []
    depth = 0
    while len(chosen) < k and any(depth < len(c) for c in clusters):
        chosen += [c[depth] for c in clusters if depth < len(c)][:k - len(chosen)]
        depth += 1
    return float(any(row.passed for row in chosen))


def held_out_scores(rows: Sequence[Row], probability: Callable[[Row], float], *,
                    k: int = 10) -> dict:
    """Per problem and in sum, solved@1 and solved@k of the size order, the evidence order and
    the learned one (the member with the highest probability: rank_learned's rank 1) on these
    rows.

    solved@1 is an expectation over ties (as bench select counts it); solved@k takes the stable
    order. A selection-only measurement on stored rows: the same clusters, the same labels,
    only the order differs.
    """
    problems = []
    for name, group in sorted(by_problem(rows).items()):
        scores = [probability(row) for row in group]
        top = max(scores)
        learned = mean(float(row.passed) for row, s in zip(group, scores, strict=True)
                       if s == top)
        clusters: dict[int, list[Row]] = {}
        for row in group:  # rows come in the size order, members fastest first
            clusters.setdefault(row.cluster, []).append(row)
        by_size = [clusters[i] for i in sorted(clusters)]
        by_evidence = sorted(by_size, key=lambda c: (-c[0].clean_share, -c[0].cluster_size,
                                                     c[0].failures))
        score = dict(zip(map(id, group), scores, strict=True))
        by_learned = sorted(([*sorted(c, key=lambda r: -score[id(r)])] for c in by_size),
                            key=lambda c: -score[id(c[0])])
        problems.append({
            "problem": name, "survivors": len(group),
            "correct": sum(row.passed for row in group),
            "size_at_k": _any_in_top(by_size, k), "evidence_at_k": _any_in_top(by_evidence, k),
            "learned_at_k": _any_in_top(by_learned, k),
            "size": _first_of(group, lambda r: (-r.cluster_size, r.failures)),
            "evidence": _first_of(group, lambda r: (-r.clean_share, -r.cluster_size,
                                                    r.failures)),
            "learned": learned,
        })
    arms = ("size", "evidence", "learned")
    totals = {arm: round(sum(p[arm] for p in problems), 3) for arm in arms}
    at_k = {arm: sum(p[f"{arm}_at_k"] for p in problems) for arm in arms}
    return {"problems": len(problems), "solved_at_1": totals, f"solved_at_{k}": at_k,
            "per_problem": problems}
