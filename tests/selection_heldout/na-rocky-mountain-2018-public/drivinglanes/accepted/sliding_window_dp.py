import sys
from collections import deque


def main():
    data = sys.stdin.read().split()
    it = iter(data)
    n, m = int(next(it)), int(next(it))
    k, r = int(next(it)), int(next(it))
    lens = [int(next(it)) for _ in range(n)]
    curves = [(int(next(it)), int(next(it))) for _ in range(n - 1)]
    INF = float("inf")
    # dp[j]: best distance so far, standing in lane j+1 at the start of the current straightaway
    dp = [INF] * m
    dp[0] = 0
    for i in range(n):
        w = min(lens[i] // k, m)  # most lane changes possible on this straightaway
        # new[b] = min over |a-b| <= w of dp[a] + |a-b|*r  (+ length)
        new = [INF] * m
        # from the left: dp[a] - a*r minimised over a in [b-w, b]
        dq = deque()
        for b in range(m):
            v = dp[b] - b * r
            while dq and dq[-1][0] >= v:
                dq.pop()
            dq.append((v, b))
            while dq[0][1] < b - w:
                dq.popleft()
            new[b] = dq[0][0] + b * r
        dq = deque()
        for b in range(m - 1, -1, -1):
            v = dp[b] + b * r
            while dq and dq[-1][0] >= v:
                dq.pop()
            dq.append((v, b))
            while dq[0][1] > b + w:
                dq.popleft()
            cand = dq[0][0] - b * r
            if cand < new[b]:
                new[b] = cand
        ln = lens[i]
        if i < n - 1:
            s, c = curves[i]
            dp = [new[j] + ln + s + c * (j + 1) for j in range(m)]
        else:
            dp = [x + ln for x in new]
    print(dp[0])


main()
