# Tries every subset of the queue: exponential in N.
import sys
from itertools import combinations

data = list(map(int, sys.stdin.read().split()))
n, t = data[0], data[1]
people = list(zip(data[2::2], data[3::2]))
best = 0
for size in range(min(n, t) + 1):
    for chosen in combinations(people, size):
        leaves = sorted(p[1] for p in chosen)
        if all(leave >= i for i, leave in enumerate(leaves)):
            best = max(best, sum(p[0] for p in chosen))
print(best)
