# Mistake: treats an empty pile (K = 0) as an impossible move.
import sys

for line in sys.stdin.read().strip().splitlines():
    parts = line.split()
    if len(parts) < 3:
        continue
    n, m, k = map(int, parts[:3])
    print("yes" if 0 < k <= (n + 1) * (1 << m) else "no")
