# Mistake: sorts the speed list in place to find the maximum, which detaches the speeds from their layers.
import sys
import math

data = sys.stdin.read().split()
xs, ys, xf, yf = map(float, data[:4])
n = int(data[4])
bounds = [ys] + [float(t) for t in data[5:5 + n - 1]] + [yf]
v = [float(t) for t in data[5 + n - 1:5 + 2 * n - 1]]
h = [bounds[i + 1] - bounds[i] for i in range(n)]
v.sort()
vmax = v[-1]
r = [x / vmax for x in v]
D = abs(xf - xs)


def cosi(i, c2):
    return math.sqrt(1.0 - r[i] * r[i] + r[i] * r[i] * c2)


def reach(th):
    s, c2 = math.sin(th), math.cos(th) ** 2
    return s * sum([h[i] * r[i] / cosi(i, c2) for i in range(n)])


lo, hi = 0.0, math.pi / 2
for _ in range(64):
    mid = (lo + hi) / 2
    if reach(mid) < D:
        lo = mid
    else:
        hi = mid
c2 = math.cos((lo + hi) / 2) ** 2
print("%.10f" % sum(h[i] / (v[i] * cosi(i, c2)) for i in range(n)))
