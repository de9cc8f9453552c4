# Mistake: to save time, zeroes out alive-sets whose probability falls below 1e-7; the dropped mass adds up to more than the allowed error.
import sys

data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
EPS = 1e-7
prob = [0.0] * (1 << n)
prob[(1 << n) - 1] = 1.0
cache = {}
pos = 2
for _ in range(m):
    i, j, p = int(data[pos]) - 1, int(data[pos + 1]) - 1, float(data[pos + 2])
    pos += 3
    need = (1 << i) | (1 << j)
    if need not in cache:
        cache[need] = [s for s in range(1 << n) if s & need == need]
    bj = 1 << j
    for s in cache[need]:
        v = prob[s]
        if v:
            t = prob[s ^ bj] + v * p
            prob[s ^ bj] = t if t >= EPS else 0.0
            v *= 1 - p
            prob[s] = v if v >= EPS else 0.0
for a in range(n):
    print("%.10f" % sum(prob[s] for s in range(1 << n) if s >> a & 1))
