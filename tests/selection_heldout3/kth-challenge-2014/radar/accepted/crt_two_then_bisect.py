import sys
from bisect import bisect_left


def main():
    d = list(map(int, sys.stdin.read().split()))
    m = d[0:3]
    x = d[3:6]
    y = d[6:9]

    def res(i):
        if 2 * y[i] + 1 >= m[i]:
            return list(range(m[i]))
        return [(x[i] + t) % m[i] for t in range(-y[i], y[i] + 1)]

    s1, s2, s3 = res(0), res(1), res(2)
    m1, m2, m3 = m
    M12 = m1 * m2
    inv1 = pow(m1, m2 - 2, m2)
    invM = pow(M12 % m3, m3 - 2, m3)
    T = sorted(r * invM % m3 for r in s3)
    t0 = T[0]
    best = None
    for r1 in s1:
        for r2 in s2:
            z12 = r1 + m1 * ((r2 - r1) * inv1 % m2)
            c = (-z12 * invM) % m3
            j = bisect_left(T, m3 - c)
            if j < len(T):
                k = T[j] + c - m3
            else:
                k = t0 + c
            z = z12 + k * M12
            if best is None or z < best:
                best = z
    print(best)


main()
