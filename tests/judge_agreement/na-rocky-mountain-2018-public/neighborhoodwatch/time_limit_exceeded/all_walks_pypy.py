#!/usr/bin/env pypy3
# The same O(N^2) walk check as all_walks.py: too slow even for PyPy.
import sys

data = list(map(int, sys.stdin.read().split()))
n, k, watch = data[0], data[1], set(data[2:])
prefix = [0] * (n + 1)
for h in range(1, n + 1):
    prefix[h] = prefix[h - 1] + (h in watch)
safe = 0
for i in range(1, n + 1):
    for j in range(i, n + 1):
        if prefix[j] - prefix[i - 1]:
            safe += 1
print(safe)
