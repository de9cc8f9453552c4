"""The order of the clusters and the choice of the top k: one program per cluster in rank order,
its fastest member first. Where is rank 1 decided? Here, by the ranker the options name:

- "size" (AlphaCode): more samples first, then fewer failures, then less time;
- "evidence": clusters whose representative ran clean on a larger share of the valid generated
  inputs (largest sizes included, so a program that times out there) first, then by size;
- "agreement": by size, equal sizes by agreement with the other clusters (MBR-exec, Shi et al.
  2022): the cluster whose outputs most samples of other clusters share, input by input. Wrong
  programs near a right one differ from it on few inputs, and from each other on different ones;
- "oracle": clusters that agree with brute-force oracles on more of their answers first
  (oracles.py; no oracle, no change), then size, then agreement;
- "all": runs clean first, then oracle agreement, then size, then agreement;
- "dual" (CodeT): size times the model-written tests the representative passes (dual.py), then
  size; no tests, or none passed, is the size order;
- "learned": a trained model's estimate that a member passes (scorer.py orders clusters and
  members by it); here, without a model, it is the size order (the fallback).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from solver.selection.clustering import Candidate, Cluster

RANKERS = ("size", "evidence", "agreement", "oracle", "all", "dual", "learned")


def agreement(cluster: Cluster, clusters: Sequence[Cluster]) -> float:
    """Samples of the other clusters weighted by the share of inputs on which their
    representative's outcome equals this one's (inputs both ran, in the same order)."""
    total = 0.0
    for other in clusters:
        if other is cluster:
            continue
        common = min(len(cluster.outcomes), len(other.outcomes))
        if common:
            same = sum(a == b for a, b in zip(cluster.outcomes[:common], other.outcomes[:common],
                                              strict=True))
            total += other.size * same / common
    return total


def rank_keys(clusters: Sequence[Cluster], ranker: str = "size", *,
              oracle: Mapping[int, float] | None = None,
              dual: Mapping[int, float] | None = None) -> dict[int, tuple]:
    """Per cluster (by id()), what the ranker sorts on, smallest first. Run time is left out:
    clusters with equal keys are a tie the size order (cluster_programs) breaks by time."""
    if ranker not in RANKERS:
        raise ValueError(f"unknown ranker {ranker!r} (one of {', '.join(RANKERS)})")
    shares = oracle or {}
    dual_score = dual or {}
    agreeing = {id(c): agreement(c, clusters) for c in clusters} \
        if ranker in ("agreement", "oracle", "all") else {}
    keys = {}
    for c in clusters:
        oracle_share = shares.get(id(c), 1.0)
        keys[id(c)] = {
            "size": (-c.size, c.failures),
            "learned": (-c.size, c.failures),  # no model here: scorer.rank_learned has one
            "evidence": (-c.clean_share, -c.size, c.failures),
            "agreement": (-c.size, -agreeing.get(id(c), 0.0)),
            "oracle": (-oracle_share, -c.size, -agreeing.get(id(c), 0.0)),
            "all": (-c.clean_share, -oracle_share, -c.size, -agreeing.get(id(c), 0.0)),
            "dual": (-dual_score.get(id(c), 0.0), -c.size, c.failures),
        }[ranker]
    return keys


def rank_clusters(clusters: Sequence[Cluster], ranker: str = "size", *,
                  oracle: Mapping[int, float] | None = None,
                  dual: Mapping[int, float] | None = None) -> list[Cluster]:
    """The clusters in rank order. `clusters` arrive in size order (cluster_programs); the sort
    is stable, so equal keys (rank_keys) keep that order: by time.

    oracle: per cluster (by id()), its share of agreement with the oracles (oracles.py); a
        cluster without an entry counts as agreeing (no evidence against it).
    dual: per cluster (by id()), its dual score (dual.py); a cluster without one scores 0.
    """
    keys = rank_keys(clusters, ranker, oracle=oracle, dual=dual)
    return sorted(clusters, key=lambda c: keys[id(c)])


# The signals each ranker orders by, besides size: the only ones decided_by may name for it.
SIGNALS = {"size": (), "learned": (), "evidence": ("runs-clean",),
           "agreement": ("agreement",), "oracle": ("oracle", "agreement"),
           "all": ("runs-clean", "oracle", "agreement"), "dual": ("dual",)}


def decided_by(size_order: Sequence[Cluster], ranked: Sequence[Cluster], *,
               ranker: str | None = None,
               oracle: Mapping[int, float] | None = None,
               dual: Mapping[int, float] | None = None) -> str | None:
    """Which signal put the rank-1 cluster first: "runs-clean" when a cluster with a better
    clean share displaced the biggest, "oracle" when one agreeing more with the oracles did,
    "dual" when one with a higher dual score did, "agreement" when agreement chose among the
    biggest, "size" when the biggest is bigger than the next, "single" when there is one
    cluster, "tie" when equal sizes were ordered by failures and time; None: no clusters.

    ranker: the ranker that made `ranked`: only its signals (SIGNALS) are named (None: any). A
    signal the ranker does not use may still favour its choice, but did not decide it.
    """
    if not ranked:
        return None
    if len(ranked) == 1:
        return "single"
    used = SIGNALS.get(ranker, ()) if ranker is not None else (
        "runs-clean", "oracle", "dual", "agreement")
    top, biggest = ranked[0], size_order[0]
    if "runs-clean" in used and top.clean_share > biggest.clean_share:
        return "runs-clean"
    shares = oracle or {}
    if "oracle" in used and shares.get(id(top), 1.0) > shares.get(id(biggest), 1.0):
        return "oracle"
    scores = dual or {}
    if "dual" in used and scores.get(id(top), 0.0) > scores.get(id(biggest), 0.0):
        return "dual"
    if "agreement" in used and (top is not biggest or (
            top.size == size_order[1].size and _agreement_decided(size_order, ranked))):
        return "agreement"
    return "size" if biggest.size > size_order[1].size else "tie"


def _agreement_decided(size_order: Sequence[Cluster], ranked: Sequence[Cluster]) -> bool:
    """Whether the ranking differs from the size order among the biggest clusters."""
    tied = [c for c in size_order if c.size == size_order[0].size]
    return [id(c) for c in ranked[:len(tied)]] != [id(c) for c in tied]


def choose_top(clusters: list[Cluster], k: int = 10) -> list[tuple[int, Cluster, Candidate]]:
    """Up to k (rank, cluster, candidate): each cluster's representative in the given order,
    then, if clusters run out, further members round-robin over the clusters (fastest first).
    """
    queues = [
        [c.representative] + [m for m in c.members if m is not c.representative] for c in clusters
    ]
    chosen: list[tuple[int, Cluster, Candidate]] = []
    depth = 0
    while len(chosen) < k and any(depth < len(q) for q in queues):
        for cluster, queue in zip(clusters, queues, strict=True):
            if len(chosen) >= k:
                break
            if depth < len(queue):
                chosen.append((len(chosen) + 1, cluster, queue[depth]))
        depth += 1
    return chosen
