# Starts from the first watch house, watch[0]: IndexError when K = 0.
import sys

data = list(map(int, sys.stdin.read().split()))
n, k, watch = data[0], data[1], data[2:]
gap = watch[0] - 1
unsafe = gap * (gap + 1) // 2
for a, b in zip(watch, watch[1:] + [n + 1]):
    gap = b - a - 1
    unsafe += gap * (gap + 1) // 2
print(n * (n + 1) // 2 - unsafe)
