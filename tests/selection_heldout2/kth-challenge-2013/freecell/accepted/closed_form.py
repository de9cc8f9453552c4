import sys

out = []
for line in sys.stdin.read().strip().splitlines():
    parts = line.split()
    if len(parts) < 3:
        continue
    n, m, k = map(int, parts[:3])
    out.append("yes" if k <= (n + 1) * (1 << m) else "no")
print("\n".join(out))
