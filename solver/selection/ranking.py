"""The choice of the top k: one program per cluster in rank order, its fastest member first."""

from __future__ import annotations

from solver.selection.clustering import Candidate, Cluster


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
