# Never checks for parallel lines: ZeroDivisionError on the first parallel pair.
import sys
from math import hypot

data = list(map(int, sys.stdin.read().split()))
n = data[0]
lines = []
for i in range(n):
    x1, y1, x2, y2 = data[1 + 4 * i:5 + 4 * i]
    a, b = y2 - y1, x1 - x2
    lines.append((a, b, a * x1 + b * y1))


def meet(i, j):
    a1, b1, c1 = lines[i]
    a2, b2, c2 = lines[j]
    det = a1 * b2 - a2 * b1
    return (c1 * b2 - c2 * b1) / det, (a1 * c2 - a2 * c1) / det


best = -1.0
for i in range(n):
    for j in range(i + 1, n):
        for k in range(j + 1, n):
            p, q, r = meet(i, j), meet(i, k), meet(j, k)
            per = hypot(p[0] - q[0], p[1] - q[1]) + hypot(q[0] - r[0], q[1] - r[1]) + hypot(r[0] - p[0], r[1] - p[1])
            if per > 1e-9:
                best = max(best, per)
print(f"{best:.10f}" if best >= 0 else "no triangle")
