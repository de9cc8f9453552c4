# Too slow: tries every (from lane, to lane) pair on every straightaway in pure Python, O(n m^2).
import sys

data = sys.stdin.read().split()
it = iter(data)
n, m = int(next(it)), int(next(it))
k, r = int(next(it)), int(next(it))
lens = [int(next(it)) for _ in range(n)]
curves = [(int(next(it)), int(next(it))) for _ in range(n - 1)]
INF = float("inf")
dp = [INF] * (m + 1)
dp[1] = 0
for i in range(n):
    nd = [INF] * (m + 1)
    for a in range(1, m + 1):
        if dp[a] == INF:
            continue
        for b in range(1, m + 1):
            ch = abs(a - b)
            if ch * k > lens[i]:
                continue
            cost = dp[a] + lens[i] + ch * r
            if i < n - 1:
                cost += curves[i][0] + curves[i][1] * b
            if cost < nd[b]:
                nd[b] = cost
    dp = nd
print(dp[1])
