"""Paired significance for the benchmarks: which arm did better on how many problems, and how
likely so uneven a split is by chance. Pure arithmetic."""

from __future__ import annotations

from math import comb


def sign_test_p(better: int, worse: int) -> float:
    """Two-sided exact sign test (McNemar's exact test on discordant pairs): the chance of a
    split at least this uneven between `better` and `worse` when either is equally likely.
    Ties say nothing about the difference and are left out; no discordant pair gives 1."""
    discordant = better + worse
    if not discordant:
        return 1.0
    tail = sum(comb(discordant, k) for k in range(min(better, worse) + 1))
    return min(1.0, 2 * tail / 2 ** discordant)
