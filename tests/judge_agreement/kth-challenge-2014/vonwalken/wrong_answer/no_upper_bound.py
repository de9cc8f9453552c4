# Intersects the intervals with phi >= 0 but forgets phi < 1.
import sys

tokens = sys.stdin.read().split()
d, n = float(tokens[0]), int(tokens[1])
counts = list(map(int, tokens[2:2 + n]))
lo, hi = 0.0, float("inf")
c = 0
for k, steps in enumerate(counts, 1):
    c += steps
    lo = max(lo, c - k * d)
    hi = min(hi, c + 1 - k * d)
print("possible" if lo < hi else "impossible")
