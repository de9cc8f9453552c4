# Correct but exponential: enumerates all (N-1)^N choices of roads and checks connectivity with union-find.
import sys
from itertools import product

n = int(sys.stdin.readline())
choices = [[j for j in range(n) if j != i] for i in range(n)]
good = total = 0
for f in product(*choices):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    comps = n
    for i, j in enumerate(f):
        a, b = find(i), find(j)
        if a != b:
            parent[a] = b
            comps -= 1
    total += 1
    if comps == 1:
        good += 1
print("%.12f" % (good / total))
