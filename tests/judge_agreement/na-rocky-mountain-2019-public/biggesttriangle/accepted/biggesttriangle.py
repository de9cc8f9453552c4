import sys
from math import gcd, hypot

data = list(map(int, sys.stdin.read().split()))
n = data[0]
lines = []
for i in range(n):
    x1, y1, x2, y2 = data[1 + 4 * i:5 + 4 * i]
    a, b = y2 - y1, x1 - x2
    lines.append((a, b, a * x1 + b * y1))
# Exact intersection of every non-parallel pair, as a reduced (x*den, y*den, den).
meet = {}
for i in range(n):
    a1, b1, c1 = lines[i]
    for j in range(i + 1, n):
        a2, b2, c2 = lines[j]
        det = a1 * b2 - a2 * b1
        if det:
            xn, yn = c1 * b2 - c2 * b1, a1 * c2 - a2 * c1
            g = gcd(gcd(xn, yn), det) * (1 if det > 0 else -1)
            meet[i, j] = (xn // g, yn // g, det // g)
best = -1.0
for i in range(n):
    for j in range(i + 1, n):
        p = meet.get((i, j))
        if p is None:
            continue
        for k in range(j + 1, n):
            q, r = meet.get((i, k)), meet.get((j, k))
            if q is None or r is None or q == p:
                continue
            pts = [(t[0] / t[2], t[1] / t[2]) for t in (p, q, r)]
            per = sum(hypot(pts[u][0] - pts[u - 1][0], pts[u][1] - pts[u - 1][1]) for u in range(3))
            best = max(best, per)
print(f"{best:.10f}" if best >= 0 else "no triangle")
