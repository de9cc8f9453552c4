# Mistake: only lets Sam change lanes on straightaways that are followed by a curve, so the last one is skipped.
import sys

data = sys.stdin.read().split()
it = iter(data)
n, m = int(next(it)), int(next(it))
k, r = int(next(it)), int(next(it))
lens = [int(next(it)) for _ in range(n)]
curves = [(int(next(it)), int(next(it))) for _ in range(n - 1)]
INF = float("inf")
dp = [INF] * m
dp[0] = 0
total_len = sum(lens)
for i in range(n - 1):
    w = lens[i] // k
    new = [INF] * m
    for b in range(m):
        for a in range(max(0, b - w), min(m, b + w + 1)):
            v = dp[a] + abs(a - b) * r
            if v < new[b]:
                new[b] = v
    s, c = curves[i]
    dp = [new[j] + s + c * (j + 1) for j in range(m)]
print(dp[0] + total_len)
