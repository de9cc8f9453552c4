import sys
import math


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    c = [(float(data[1 + 3 * i]), float(data[2 + 3 * i]), float(data[3 + 3 * i])) for i in range(n)]
    PI = math.pi
    iv = []
    for i in range(n):
        for j in range(i + 1, n):
            dx, dy = c[j][0] - c[i][0], c[j][1] - c[i][1]
            d = math.hypot(dx, dy)
            a = math.asin(min(1.0, (c[i][2] + c[j][2]) / d))
            phi = math.atan2(dy, dx) % PI
            s = (phi - a) % PI
            for k in (-1, 0, 1):
                iv.append((s + k * PI, s + 2 * a + k * PI))
    iv.sort()
    best = 0.0
    cur_end = iv[0][1]
    for s, e in iv[1:]:
        if s > cur_end:
            if cur_end >= 0 and s <= 2 * PI:
                best = max(best, s - cur_end)
            cur_end = e
        else:
            cur_end = max(cur_end, e)
    print("%.10f" % best)


main()
