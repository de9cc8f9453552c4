# Per axis, the open time interval where the projections overlap (exact fractions); crash iff their
# intersection meets [0, T].
import sys
from fractions import Fraction

def car(tok):
    d = tok[0]
    x, y, s, w, l = map(int, tok[1:6])
    dx, dy = {'N': (0, 1), 'S': (0, -1), 'E': (1, 0), 'W': (-1, 0)}[d]
    hx, hy = (Fraction(w, 2), Fraction(l, 2)) if d in 'NS' else (Fraction(l, 2), Fraction(w, 2))
    return (x, y), (dx * s, dy * s), (hx, hy)

data = sys.stdin.read().split()
T = int(data[0])
(p1, v1, h1) = car(data[1:7])
(p2, v2, h2) = car(data[7:13])
lo, hi = None, None  # None = unbounded
ok = True
for a in range(2):
    p = p2[a] - p1[a]
    v = v2[a] - v1[a]
    D = h1[a] + h2[a]
    if v == 0:
        if abs(p) >= D:
            ok = False
        continue
    t1 = Fraction(-D - p, v)
    t2 = Fraction(D - p, v)
    if t1 > t2:
        t1, t2 = t2, t1
    lo = t1 if lo is None else max(lo, t1)
    hi = t2 if hi is None else min(hi, t2)
if ok:
    if lo is None:
        lo, hi = Fraction(-1), Fraction(T + 1)
    ok = lo < hi and lo < T and hi > 0
print("crash" if ok else "safe")
