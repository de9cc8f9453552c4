#!/usr/bin/env pypy3
# Ignores the "still running" case.
import sys

times = list(map(int, sys.stdin.read().split()))[1:]
print(sum(times[i + 1] - times[i] for i in range(0, len(times) - 1, 2)))
