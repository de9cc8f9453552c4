"""Which failed programs are repaired, and which failure the notes warn of."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from solver.repair.feedback import Failure


def choose_repairs(failures: Iterable[Failure], count: int, *, repaired: set[tuple]
                   ) -> list[Failure]:
    """At most `count` failures to repair: closest to passing first (more examples passed; WA
    before RE before CE; then the earlier sample), one per distinct failure, and none whose
    failure was repaired before in this run. `repaired` gets the chosen signatures."""
    chosen: list[Failure] = []
    for failure in sorted(failures, key=lambda f: (*f.closeness, f.sample.index)):
        if len(chosen) >= count:
            break
        if failure.signature in repaired:
            continue
        repaired.add(failure.signature)
        chosen.append(failure)
    return chosen


def commonest_failure(failures: Sequence[Failure]) -> Failure | None:
    """The failure most programs share (ties: the closest to passing, then the earliest), for
    the note fresh samples get; None when nothing failed."""
    if not failures:
        return None
    counts = Counter(failure.signature for failure in failures)
    return min(failures, key=lambda f: (-counts[f.signature], *f.closeness, f.sample.index))
