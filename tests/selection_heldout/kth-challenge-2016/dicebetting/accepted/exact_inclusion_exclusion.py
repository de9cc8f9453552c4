# Exact inclusion-exclusion with Python big integers:
# P(at least k distinct) = sum_m m^n * C(s,m) * sum_{t >= max(k-m,0)} (-1)^t C(s-m,t)  /  s^n
from math import comb
n, s, k = map(int, input().split())
total = 0
for m in range(1, s + 1):
    N = s - m
    inner = 0
    for t in range(max(k - m, 0), N + 1):
        c = comb(N, t)
        inner += -c if t & 1 else c
    if inner:
        total += pow(m, n) * comb(s, m) * inner
SCALE = 10 ** 30
q = total * SCALE // pow(s, n)
print("%d.%030d" % (q // SCALE, q % SCALE))
