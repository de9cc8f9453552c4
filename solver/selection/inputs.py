"""Which generated inputs the survivors are clustered on: distinct, not too big, and runnable by
most survivors (an input most programs reject is likely outside the constraints)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

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
    count: int, runs_per_program: Sequence[Sequence[RunResult]], min_ok_share: float, *,
    slow_ok: Collection[int] = (),
) -> list[int]:
    """Indices of the inputs on which more than `min_ok_share` of the programs ran OK.

    slow_ok: inputs on which a timeout counts as running (largest-size inputs: slowness there is
        a verdict on the program, not on the input). With no programs to judge by, every input
        is kept. A WA counts as running too: on a generated input (no answer to check) only an
        interactor gives one, on an input the problem's validators accepted, so it is a verdict
        on the program, not on the input.
    """
    if not runs_per_program:
        return list(range(count))
    needed = min_ok_share * len(runs_per_program)

    def ran(run: RunResult, i: int) -> bool:
        return run.verdict in (Verdict.OK, Verdict.WA) or (
            i in slow_ok and run.verdict is Verdict.TLE)

    return [
        i for i in range(count)
        if sum(ran(runs[i], i) for runs in runs_per_program) > needed
    ]


def agreed_inputs(
    count: int, outcomes_per_program: Sequence[Sequence[str]], min_agree_share: float
) -> list[int]:
    """Indices of the inputs on which the largest group of programs with the same outcome
    (clustering.run_outcome) holds at least `min_agree_share` of them. An input on which
    most programs disagree is suspect: likely outside the constraints, where even right
    programs part. Off (every input kept) at 0, or with fewer than three programs.
    """
    if min_agree_share <= 0 or len(outcomes_per_program) < 3:
        return list(range(count))
    needed = min_agree_share * len(outcomes_per_program)
    kept = []
    for i in range(count):
        groups: dict[str, int] = {}
        for outcomes in outcomes_per_program:
            groups[outcomes[i]] = groups.get(outcomes[i], 0) + 1
        if max(groups.values()) >= needed:
            kept.append(i)
    return kept
