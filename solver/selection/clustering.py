"""Clustering, AlphaCode style: survivors that behave identically on every generated input (the
same normalised output, or the same failure) form one cluster; clusters are ranked by how many
samples they hold. Pure: the runs arrive as RunResult lists."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sandbox.checkers import ValidatorFlags, normalise
from sandbox.jobs import Program, RunResult, Verdict


@dataclass
class Candidate:
    """A distinct program that passed the examples, and which samples produced it."""

    program: Program
    sample_ids: list[int] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The key of this candidate's runs in the `results` mapping (Program.key)."""
        return self.program.key

    @property
    def weight(self) -> int:
        # A candidate always came from at least one sample, even if the ids were not recorded.
        return max(1, len(self.sample_ids))


@dataclass
class Cluster:
    """Programs that behaved identically on every generated input."""

    signature: str
    members: list[Candidate]  # fastest first
    representative: Candidate  # the fastest member
    failures: int  # generated inputs on which the representative did not run OK
    mean_time_s: float  # the representative's mean CPU time per generated input
    # Generated inputs the representative ran on. Later input rounds run only the clusters that
    # can still split or be chosen, so this differs between clusters: compare shares.
    runs: int = 0
    # The representative's run_outcome per generated input, in input order: what other
    # clusters are compared with (ranking.agreement).
    outcomes: tuple[str, ...] = ()
    # The representative's mean peak memory and mean stdout size per generated input: features
    # of the learned ranker (scorer_features.py). memory_mb is the peak resident set, ~8 MB for
    # an idle Python program; 0.0 for clusters built without runs.
    mean_memory_mb: float = 0.0
    mean_output_bytes: float = 0.0

    @property
    def clean_share(self) -> float:
        """Share of its inputs the representative ran without crash or timeout (1.0 with none:
        no evidence against it)."""
        return (self.runs - self.failures) / self.runs if self.runs else 1.0

    @property
    def size(self) -> int:
        """How many samples landed in this cluster."""
        return sum(m.weight for m in self.members)


def _run_part(run: RunResult, flags: ValidatorFlags) -> bytes:
    """What a run says about a program: its normalised output, or its failure kind."""
    if run.verdict == Verdict.OK:
        return ("=" + normalise(run.stdout, flags)).encode()
    return f"<{run.verdict.value}>".encode()


def run_outcome(run: RunResult, flags: ValidatorFlags) -> str:
    """One run as a short digest of _run_part."""
    return hashlib.sha256(_run_part(run, flags)).hexdigest()[:16]


def run_signature(runs: list[RunResult], flags: ValidatorFlags) -> str:
    """sha256 over a program's behaviour: normalised output per input, or the failure kind."""
    digest = hashlib.sha256()
    for run in runs:
        part = _run_part(run, flags)
        # Length prefix so the concatenation is unambiguous.
        digest.update(f"{len(part)}:".encode())
        digest.update(part)
    return digest.hexdigest()


def cluster_programs(
    candidates: list[Candidate], results: dict[str, list[RunResult]], flags: ValidatorFlags
) -> list[Cluster]:
    """Group candidates by run_signature and rank the groups.

    `results` maps Candidate.key to its runs on the generated inputs, in the same input order
    for every program; candidates without an entry were not run and are left out. Ranking:
    more samples first, then fewer failures, then lower mean CPU time, then first appearance.
    """
    groups: dict[str, list[Candidate]] = {}  # insertion order = first appearance
    for cand in candidates:
        runs = results.get(cand.key)
        if runs is not None:
            groups.setdefault(run_signature(runs, flags), []).append(cand)

    def total_time(cand: Candidate) -> tuple[float, float]:
        runs = results[cand.key]
        return sum(r.cpu_s for r in runs), sum(r.wall_s for r in runs)

    clusters: list[Cluster] = []
    for signature, members in groups.items():
        members = sorted(members, key=total_time)  # stable: equal times keep sample order
        rep = members[0]
        runs = results[rep.key]
        clusters.append(
            Cluster(
                signature=signature,
                members=members,
                representative=rep,
                failures=sum(r.verdict != Verdict.OK for r in runs),
                mean_time_s=sum(r.cpu_s for r in runs) / len(runs) if runs else 0.0,
                runs=len(runs),
                outcomes=tuple(run_outcome(run, flags) for run in runs),
                mean_memory_mb=sum(r.memory_mb for r in runs) / len(runs) if runs else 0.0,
                mean_output_bytes=sum(len(r.stdout) for r in runs) / len(runs) if runs else 0.0,
            )
        )
    clusters.sort(key=lambda c: (-c.size, c.failures, c.mean_time_s))
    return clusters
