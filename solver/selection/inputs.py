"""Which generated inputs the survivors are clustered on: distinct, not too big, and runnable by
most survivors (an input most programs reject is likely outside the constraints)."""

from __future__ import annotations

from collections.abc import Sequence

from sandbox.jobs import RunResult, Verdict


def distinct_inputs(
    inputs: Sequence[bytes], exclude: Sequence[bytes], max_bytes: int
) -> list[bytes]:
    """`inputs` in order without duplicates, empty ones, those in `exclude` or over max_bytes."""
    seen = set(exclude)
    kept = []
    for data in inputs:
        if data.strip() and len(data) <= max_bytes and data not in seen:
            seen.add(data)
            kept.append(data)
    return kept


def runnable_inputs(
    count: int, runs_per_program: Sequence[Sequence[RunResult]], min_ok_share: float
) -> list[int]:
    """Indices of the inputs on which more than `min_ok_share` of the programs ran OK.

    With no programs to judge by, every input is kept.
    """
    if not runs_per_program:
        return list(range(count))
    needed = min_ok_share * len(runs_per_program)
    return [
        i for i in range(count)
        if sum(runs[i].verdict is Verdict.OK for runs in runs_per_program) > needed
    ]
