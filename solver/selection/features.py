"""What a candidate looks like to the learned ranker (scorer.py): a few numbers from how its
cluster behaved on the generated inputs, and from the program itself. Pure: the clusters come in
as selection left them; the program embedding is added by the scorer (embedding.py).

Every number is relative to the problem's other clusters or bounded, so that a model trained on
some problems reads the same scale on others: a 2 s program is slow among 10 ms ones and fast
among 5 s ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import log
from statistics import median

from solver.selection.clustering import Candidate, Cluster
from solver.selection.ranking import agreement

# The execution features, in the order of CandidateFeatures.values. A model file names the ones
# it was trained on (scorer.py); changing this list needs a new model version.
FEATURES = (
    "log_cluster_size",  # log(1 + samples in the cluster)
    "cluster_share",  # the cluster's share of all samples that survived the examples
    "size_rank",  # 0 for the biggest cluster, 1 for the smallest (by the size order)
    "biggest",  # 1 when no cluster is bigger
    "clean_share",  # share of its generated inputs the representative ran without crash/timeout
    "relative_time",  # log of the representative's mean CPU time over the clusters' median
    "relative_memory",  # the same for peak memory
    "relative_output",  # the same for stdout bytes
    "agreement_share",  # MBR-exec: samples of other clusters agreeing, input by input, as a share
    "oracle_share",  # agreement with brute-force oracles (1.0 where none answered)
    "has_oracle",  # 1 when oracles ran at all
    "log_clusters",  # log(1 + clusters of the problem): how split the survivors are
    "member_share",  # this program's samples as a share of its cluster's
    "fastest",  # 1 for the cluster's fastest member (size ranking's representative)
    "relative_length",  # log of the source's length over the survivors' median
    "origin_repair",  # 1 when its first sample was a repair (solver/repair/)
    "origin_resample",  # 1 when its first sample was drawn with a note about a failure
    "cpp",  # 1 for C++ (the rest is Python)
)
TIME_FLOOR_S = 0.01  # CPU times below this are start-up noise
MEMORY_FLOOR_MB = 1.0
OUTPUT_FLOOR = 1.0
CLAMP = 5.0  # log ratios beyond this say nothing more


@dataclass(frozen=True)
class CandidateFeatures:
    """One survivor's features and where it sits: its cluster's index in the given order."""

    cluster: int
    candidate: Candidate
    values: tuple[float, ...]  # FEATURES, in order


def _ratio(value: float, middle: float, floor: float) -> float:
    return max(-CLAMP, min(CLAMP, log((value + floor) / (middle + floor))))


def candidate_features(
    clusters: Sequence[Cluster],
    *,
    oracle: Mapping[int, float] | None = None,
    origins: Mapping[str, str] | None = None,
) -> list[CandidateFeatures]:
    """Features of every member of every cluster, clusters in the given order (members in
    theirs).

    oracle: per cluster (by id()), its agreement with the oracles (oracles.py); None: no oracles.
    origins: per Program.key, the origin of its first sample ("sample", "repair", "resample");
        a program without an entry counts as a fresh sample (folders, tests).
    """
    if not clusters:
        return []
    total = sum(c.size for c in clusters) or 1
    by_size = sorted(range(len(clusters)), key=lambda i: (-clusters[i].size,
                                                          clusters[i].failures,
                                                          clusters[i].mean_time_s))
    size_rank = {index: place for place, index in enumerate(by_size)}
    biggest = max(c.size for c in clusters)
    time_mid = median(c.mean_time_s for c in clusters)
    memory_mid = median(c.mean_memory_mb for c in clusters)
    output_mid = median(c.mean_output_bytes for c in clusters)
    length_mid = median(len(m.program.source) for c in clusters for m in c.members)
    shares = oracle or {}
    spread = max(1, len(clusters) - 1)
    rows = []
    for index, cluster in enumerate(clusters):
        others = total - cluster.size
        agreeing = agreement(cluster, clusters) / others if others else 1.0
        common = (
            log(1 + cluster.size),
            cluster.size / total,
            size_rank[index] / spread if len(clusters) > 1 else 0.0,
            float(cluster.size == biggest),
            cluster.clean_share,
            _ratio(cluster.mean_time_s, time_mid, TIME_FLOOR_S),
            _ratio(cluster.mean_memory_mb, memory_mid, MEMORY_FLOOR_MB),
            _ratio(cluster.mean_output_bytes, output_mid, OUTPUT_FLOOR),
            agreeing,
            shares.get(id(cluster), 1.0),
            float(oracle is not None),
            log(1 + len(clusters)),
        )
        for member in cluster.members:
            origin = (origins or {}).get(member.key, "sample")
            own = (
                member.weight / cluster.size,
                float(member is cluster.representative),
                _ratio(len(member.program.source), length_mid, OUTPUT_FLOOR),
                float(origin == "repair"),
                float(origin == "resample"),
                float(member.program.language.startswith("cpp")),
            )
            rows.append(CandidateFeatures(index, member, common + own))
    return rows
