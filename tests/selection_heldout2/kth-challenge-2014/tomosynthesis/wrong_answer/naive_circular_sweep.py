# Mistake: sweeps the sorted intervals once and adds the wrap-around gap at the end, but ignores that an interval wrapping past pi also covers gaps near 0.
import sys
import math

data = sys.stdin.read().split()
n = int(data[0])
c = [(float(data[1 + 3 * i]), float(data[2 + 3 * i]), float(data[3 + 3 * i])) for i in range(n)]
PI = math.pi
iv = []
for i in range(n):
    for j in range(i + 1, n):
        dx, dy = c[j][0] - c[i][0], c[j][1] - c[i][1]
        a = math.asin((c[i][2] + c[j][2]) / math.hypot(dx, dy))
        s = (math.atan2(dy, dx) - a) % PI
        iv.append((s, s + 2 * a))
iv.sort()
best = 0.0
reach = iv[0][1]
for s, e in iv[1:]:
    if s > reach:
        best = max(best, s - reach)
    reach = max(reach, e)
best = max(best, iv[0][0] + PI - reach)
print("%.10f" % best)
