import sys
import math


def main():
    data = sys.stdin.read().split()
    xs, ys, xf, yf = map(float, data[:4])
    n = int(data[4])
    bounds = [ys] + [float(t) for t in data[5:5 + n - 1]] + [yf]
    v = [float(t) for t in data[5 + n - 1:5 + 2 * n - 1]]
    h = [bounds[i + 1] - bounds[i] for i in range(n)]
    vmax = max(v)
    r = [x / vmax for x in v]
    r2 = [x * x for x in r]
    one_minus = [1.0 - x for x in r2]
    hr = [h[i] * r[i] for i in range(n)]
    D = abs(xf - xs)
    idx = range(n)
    sqrt = math.sqrt

    def reach(th):
        s, c = math.sin(th), math.cos(th)
        c2 = c * c
        return s * sum([hr[i] / sqrt(one_minus[i] + r2[i] * c2) for i in idx])

    lo, hi = 0.0, math.pi / 2
    for _ in range(64):
        mid = (lo + hi) / 2
        if reach(mid) < D:
            lo = mid
        else:
            hi = mid
    th = (lo + hi) / 2
    c2 = math.cos(th) ** 2
    T = sum(h[i] / (v[i] * sqrt(one_minus[i] + r2[i] * c2)) for i in idx)
    print("%.10f" % T)


main()
