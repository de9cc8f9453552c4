#!/usr/bin/env pypy3
import sys

data = list(map(int, sys.stdin.read().split()))
n, k, watch = data[0], data[1], data[2:]
# All walks minus the unsafe ones, which stay inside a run of houses without a watch.
unsafe = 0
prev = 0
for h in watch + [n + 1]:
    gap = h - prev - 1
    unsafe += gap * (gap + 1) // 2
    prev = h
print(n * (n + 1) // 2 - unsafe)
