# The crossing graph is a permutation graph: person i ends at rank
# 1 + (#non-crossing j < i) + (#crossing j > i); a clique is a decreasing subsequence.
import sys
from bisect import bisect_left

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
left = [0] * (n + 1)
right = [0] * (n + 1)
for k in range(m):
    a, b = int(data[2 + 2 * k]), int(data[3 + 2 * k])
    right[a] += 1
    left[b] += 1
perm = [1 + (i - 1 - left[i]) + right[i] for i in range(1, n + 1)]
tails = []
for v in perm:
    x = -v
    pos = bisect_left(tails, x)
    if pos == len(tails):
        tails.append(x)
    else:
        tails[pos] = x
print(len(tails))
