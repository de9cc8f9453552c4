# Mistake: assumes each empty stack just holds another (N+1)-card run, giving (N+1)*(M+1) instead of (N+1)*2^M.
import sys

for line in sys.stdin.read().strip().splitlines():
    parts = line.split()
    if len(parts) < 3:
        continue
    n, m, k = map(int, parts[:3])
    print("yes" if k <= (n + 1) * (m + 1) else "no")
