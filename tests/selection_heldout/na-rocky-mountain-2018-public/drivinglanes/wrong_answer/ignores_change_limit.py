# Mistake: lets Sam change any number of lanes on a straightaway, ignoring that each change needs k meters.
import sys

data = sys.stdin.read().split()
it = iter(data)
n, m = int(next(it)), int(next(it))
k, r = int(next(it)), int(next(it))
lens = [int(next(it)) for _ in range(n)]
curves = [(int(next(it)), int(next(it))) for _ in range(n - 1)]
dp = [float("inf")] * m
dp[0] = 0
for i in range(n):
    new = dp[:]
    for b in range(1, m):
        new[b] = min(new[b], new[b - 1] + r)
    for b in range(m - 2, -1, -1):
        new[b] = min(new[b], new[b + 1] + r)
    if i < n - 1:
        s, c = curves[i]
        dp = [new[j] + lens[i] + s + c * (j + 1) for j in range(m)]
    else:
        dp = [x + lens[i] for x in new]
print(dp[0])
