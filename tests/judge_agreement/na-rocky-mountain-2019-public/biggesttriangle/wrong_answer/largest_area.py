# Picks the triangle of largest area and prints its perimeter: "biggest" read as area.
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
    return None if det == 0 else ((c1 * b2 - c2 * b1) / det, (a1 * c2 - a2 * c1) / det)


best_area, best = 0.0, None
for i in range(n):
    for j in range(i + 1, n):
        p = meet(i, j)
        if p is None:
            continue
        for k in range(j + 1, n):
            q, r = meet(i, k), meet(j, k)
            if q is None or r is None:
                continue
            area = abs((q[0] - p[0]) * (r[1] - p[1]) - (r[0] - p[0]) * (q[1] - p[1])) / 2
            if area > best_area:
                best_area = area
                best = hypot(p[0] - q[0], p[1] - q[1]) + hypot(q[0] - r[0], q[1] - r[1]) + hypot(r[0] - p[0], r[1] - p[1])
print(f"{best:.10f}" if best is not None else "no triangle")
