# Correct but exponential: longest chain of crossing people by plain recursion, without memoisation.
import sys

sys.setrecursionlimit(10000)
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
higher = [[] for _ in range(n + 1)]
for k in range(m):
    a, b = int(data[2 + 2 * k]), int(data[3 + 2 * k])
    higher[a].append(b)


def longest(v):
    best = 1
    for w in higher[v]:
        best = max(best, 1 + longest(w))
    return best


print(max(longest(v) for v in range(1, n + 1)))
