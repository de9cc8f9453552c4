"""bench scale: the same batch judged on this machine's pool and through Ray, at equal workers.

The batch is `batch --samples-from`: a fixed folder of programs per problem, so no model runs and
every second is judging (the example filter, clustering on generated inputs, the hidden tests)
or the driver's own work between calls. It runs, in this order:

- `local`: one DockerPool of `workers` containers (what `batch` does without --ray);
- `ray-1`: a cluster of a head and one worker node with `workers` CPUs (`workers` containers);
- `ray-2`: a head and two worker nodes with `workers / 2` CPUs each (the same containers, in
  two pools, on two nodes).

The clusters are real Ray clusters on this machine (sandbox.cluster.local_cluster), every node
on the one Docker engine: the ratio measures what Ray costs (chunking, the object store, the
actors), not what more machines would bring. Wall time is the batch alone (the cluster's start
and the pools' are given apart: a cluster is started once for many batches). Each run also
checks that its choices are the local run's (solved@1 and @10 per problem, and the clusters).
"""

from __future__ import annotations

import contextlib
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from sandbox.cluster import (
    ClusterOptions,
    RayExecutor,
    connected,
    local_cluster,
    ray_sandbox,
)
from sandbox.jobs import Job, RunResult
from sandbox.pool import DockerPool, SandboxOptions
from sandbox.tester import Executor
from solver.batch import BatchOptions, ProblemOutcome, run_batch
from solver.solve import SolveOptions

OVERHEAD_TARGET = 1.15  # the bound on Ray's wall time over local at equal workers


class CountingExecutor:
    """An Executor that counts the jobs it passes on (the bench's jobs per second)."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner
        self.jobs = 0

    def run(self, jobs: Sequence[Job], on_result: Callable[[int, RunResult], None] | None = None,
            should_skip: Callable[[int], bool] | None = None) -> list[RunResult]:
        self.jobs += len(jobs)
        return self.inner.run(jobs, on_result, should_skip)


def choices(outcomes: Sequence[ProblemOutcome]) -> dict[str, tuple]:
    """Per problem, what must not depend on where it was judged: its status, solved@1 and @10,
    rank 1's cluster size and hidden verdict, and every candidate as (sample ids, cluster size,
    hidden verdict), as a set. The order of a cluster's members (fastest first), and so which
    member stands for it and the ranks after one per cluster, can follow the machine's load, in
    a local run as much as in a cluster run: left out."""
    found = {}
    for outcome in outcomes:
        every = sorted((tuple(c["sample_ids"]), c["cluster_size"], c["hidden_verdict"] or "")
                       for c in outcome.candidates)
        first = outcome.candidates[0] if outcome.candidates else {}
        found[outcome.id] = (outcome.status, outcome.solved_at_1, outcome.solved_at_10,
                             (first.get("cluster_size"), first.get("hidden_verdict")), every)
    return found


def timed_batch(executor: Executor, problems: Sequence[tuple[str, Path]], programs: Path,
                options: SolveOptions, on_start: Callable[[str], None] | None
                ) -> tuple[float, int, list[ProblemOutcome]]:
    """(seconds, jobs, outcomes) of one fresh batch into a temporary folder."""
    counting = CountingExecutor(executor)
    with tempfile.TemporaryDirectory(prefix="cpsolve-bench-scale-") as out:
        started = time.monotonic()
        outcomes = run_batch(problems, counting, options, BatchOptions(out_dir=Path(out),
                                                                       fresh=True),
                             programs_root=programs, on_start=on_start)
        seconds = time.monotonic() - started
    return seconds, counting.jobs, outcomes


def benchmark_scale(
    problems: Sequence[tuple[str, Path]],
    programs: Path,
    *,
    workers: int = 2,
    rounds: int = 2,
    image: str | None = None,
    options: SolveOptions | None = None,
    report: Callable[[str], None] = lambda _line: None,
) -> dict:
    """Run the batch locally, on 1 and on 2 Ray worker nodes, `rounds` times in turn; the
    report (see the module).

    workers: containers in every arm (even, at least 2: the two-node arm halves them).
    rounds: each arm runs once per round, the arms in turn (each round starting with the next
        arm), so that load from elsewhere on the machine falls on all of them alike; each arm's
        best round is compared (what other work adds is never negative), its median beside it.
    """
    if workers < 2 or workers % 2:
        raise ValueError("workers must be even and at least 2")
    options = options or SolveOptions()
    sandbox = SandboxOptions(workers=workers, **({"image": image} if image else {}))
    arms = {"local": 0, "ray-1": 1, "ray-2": 2}
    measured: dict[str, list[tuple[float, int, dict]]] = {name: [] for name in arms}
    start_s: dict[str, float] = {}
    stats: dict[str, dict] = {}
    report("starting a cluster: a head and three worker nodes (one with "
           f"{workers} CPUs for ray-1, two with {workers // 2} for ray-2)")
    begun = time.monotonic()
    with local_cluster([workers, workers // 2, workers // 2]) as cluster, \
            contextlib.ExitStack() as stack:
        cluster_up_s = time.monotonic() - begun
        stack.enter_context(connected(ClusterOptions(cluster.address)))  # once for both arms
        one, two = [cluster.nodes[0].node_id], [node.node_id for node in cluster.nodes[1:]]
        executors: dict[str, Executor] = {}
        for name, make in (("local", lambda: DockerPool(sandbox)),
                           ("ray-1", lambda: ray_sandbox(ClusterOptions(cluster.address),
                                                         sandbox, node_ids=one)),
                           ("ray-2", lambda: ray_sandbox(ClusterOptions(cluster.address),
                                                         sandbox, node_ids=two))):
            begun = time.monotonic()
            executors[name] = stack.enter_context(make())
            start_s[name] = round(time.monotonic() - begun, 2)
        names = list(arms)
        for number in range(1, rounds + 1):
            # Each round starts with another arm: load that grows or fades over the run then
            # falls on every arm alike, not always on the last one.
            shift = (number - 1) % len(names)
            for name in names[shift:] + names[:shift]:
                seconds, jobs, outcomes = timed_batch(executors[name], problems, programs,
                                                      options, None)
                measured[name].append((seconds, jobs, choices(outcomes)))
                report(f"round {number}: {name} {seconds:.1f} s, {jobs} jobs")
        for name, executor in executors.items():
            if isinstance(executor, RayExecutor):
                stats[name] = asdict(executor.stats)
    local_best = min(seconds for seconds, _, _ in measured["local"])
    reference = measured["local"][0][2]
    runs = []
    for name, nodes in arms.items():
        times = sorted(seconds for seconds, _, _ in measured[name])
        best, jobs = min((seconds, jobs) for seconds, jobs, _ in measured[name])
        runs.append({
            "name": name, "nodes": nodes, "workers": workers, "start_s": start_s[name],
            "seconds": [round(seconds, 2) for seconds, _, _ in measured[name]],
            "best_s": round(best, 2), "median_s": round(statistics.median(times), 2),
            "jobs": jobs, "jobs_per_s": round(jobs / best, 1),
            "overhead": round(best / local_best, 3),
            "same_choices": all(found == reference for _, _, found in measured[name]),
            "cluster": stats.get(name),
        })
    differing = sorted({key for _, _, found in (m for arm in measured.values() for m in arm)
                        for key in found if found[key] != reference.get(key)})
    done = sum(1 for value in reference.values() if value[0] == "done")
    return {"problems": done, "workers": workers, "rounds": rounds,
            "cluster_up_s": round(cluster_up_s, 2), "target": OVERHEAD_TARGET, "runs": runs,
            "worst_overhead": max(run["overhead"] for run in runs[1:]),
            "differing_problems": differing,
            "choices": {key: list(value[:4]) for key, value in reference.items()}}
