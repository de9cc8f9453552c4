#!/usr/bin/env pypy3
import sys

data = list(map(int, sys.stdin.read().split()))
n, t = data[0], data[1]
people = sorted(zip(data[2::2], data[3::2]), reverse=True)
free = [True] * t
total = 0
for cash, leave in people:
    for slot in range(leave, -1, -1):
        if free[slot]:
            free[slot] = False
            total += cash
            break
print(total)
