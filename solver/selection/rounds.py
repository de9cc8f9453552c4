"""Inputs grown in rounds until the clusters stop splitting. After the first clustering, each
round makes new inputs (the statement's largest sizes first, then inputs that take a letter or an
order away, then more mutations), keeps the valid ones, and runs them only where they can still
split something or matter for the choice: every member of a cluster with several members, and the
representatives of the top clusters. Where is it decided when to stop? Here: after `patience`
rounds without a split, when the rounds run out, when a round has no valid input to run, or when
the seconds budget is spent.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sandbox.checkers import ValidatorFlags
from sandbox.jobs import Program, RunResult
from sandbox.tester import Test
from solver.selection.clustering import Candidate, Cluster, cluster_programs
from solver.selection.inputs import distinct_inputs, runnable_inputs

# judge(stage, programs, tests) -> runs per Program.key, in test order (run.examples.judge_stage
# with the executor and problem bound): the one edge to the sandbox.
Judge = Callable[[str, list[Program], list[Test]], dict[str, list[RunResult]]]
# make(round) -> (new inputs, how many of them at the front are largest-size inputs)
MakeInputs = Callable[[int], tuple[list[bytes], int]]


@dataclass
class RoundStats:
    rounds: int = 0  # rounds run after the first clustering
    invalid: int = 0  # of those, rejected by the statement's constraints (never run)
    dropped: int = 0  # run, then left out: most programs that ran them crashed
    kept: int = 0  # run and kept: part of the clustering now
    splits: int = 0  # rounds that split at least one cluster
    out_of_time: bool = False  # the seconds budget ended the rounds (not patience or count)


def grow_inputs(
    survivors: list[Candidate],
    behaviour: dict[str, list[RunResult]],
    clusters: list[Cluster],
    judge: Judge,
    make_inputs: MakeInputs,
    *,
    valid_mask: Callable[[list[bytes]], list[bool]],
    seen: Sequence[bytes],
    flags: ValidatorFlags,
    rounds: int,
    patience: int,
    top_k: int,
    max_bytes: int,
    min_ok_share: float,
    seconds: float | None = None,
) -> tuple[list[Cluster], RoundStats]:
    """Run rounds of new inputs; `behaviour` is extended in place (per Candidate.key, the new
    runs appended), and the clusters returned are those of the last round.

    valid_mask: per input of a batch, whether it keeps the statement's ranges and the problem's
        validators (select.py); invalid inputs are never run.
    seen: inputs already used (examples, first batch): not made again.
    patience: rounds in a row without a split before stopping.
    top_k: how many top clusters have their representative run (those that can be chosen).
    min_ok_share: as SelectionOptions.min_ok_share; a largest-size input on which programs time
        out is kept all the same (slowness there is the evidence sought).
    seconds: no round starts once this much wall time has passed since the first (None: no
        budget); a round that started finishes, so the budget can be overrun by one round.
    """
    stats = RoundStats()
    used = list(seen)
    quiet = 0
    started = time.monotonic()
    for number in range(1, rounds + 1):
        if seconds is not None and number > 1 and time.monotonic() - started >= seconds:
            stats.out_of_time = True
            break
        made, largest = make_inputs(number)
        fresh = distinct_inputs(made, exclude=used, max_bytes=max_bytes)
        largest_set = set(made[:largest])
        valid = [data for data, keep in zip(fresh, valid_mask(fresh), strict=True) if keep]
        stats.invalid += len(fresh) - len(valid)
        used += fresh
        targets = _targets(clusters, top_k)
        if not valid or not targets:
            break
        stats.rounds = number
        tests = [Test(f"round{number}/{i}", data) for i, data in enumerate(valid)]
        runs = judge(f"inputs round {number}", [c.program for c in targets], tests)
        slow_ok = {i for i, data in enumerate(valid) if data in largest_set}
        kept = runnable_inputs(len(valid), [runs[c.key] for c in targets], min_ok_share,
                               slow_ok=slow_ok)
        stats.dropped += len(valid) - len(kept)
        stats.kept += len(kept)
        for candidate in targets:
            behaviour[candidate.key] = behaviour.get(candidate.key, []) + [
                runs[candidate.key][i] for i in kept]
        before = len(clusters)
        clusters = cluster_programs(survivors, behaviour, flags)
        if len(clusters) > before:
            stats.splits += 1
            quiet = 0
        else:
            quiet += 1
            if quiet >= patience:
                break
    return clusters, stats


def _targets(clusters: list[Cluster], top_k: int) -> list[Candidate]:
    """Every member of a cluster that could still split, and the top clusters' representatives.
    A cluster is run whole or not at all, so its members keep comparable signatures."""
    chosen: list[Candidate] = []
    for rank, cluster in enumerate(clusters):
        if len(cluster.members) > 1 or rank < top_k:
            chosen.extend(cluster.members)
    return chosen
