# Mistake: checks whether the regions swept by the two cars during [0, T] overlap, ignoring when each car is where.
import sys
from fractions import Fraction

def swept(tok, T):
    d = tok[0]
    x, y, s, w, l = map(int, tok[1:6])
    dx, dy = {'N': (0, 1), 'S': (0, -1), 'E': (1, 0), 'W': (-1, 0)}[d]
    hx, hy = (Fraction(w, 2), Fraction(l, 2)) if d in 'NS' else (Fraction(l, 2), Fraction(w, 2))
    x2, y2 = x + dx * s * T, y + dy * s * T
    return (min(x, x2) - hx, max(x, x2) + hx, min(y, y2) - hy, max(y, y2) + hy)

data = sys.stdin.read().split()
T = int(data[0])
a = swept(data[1:7], T)
b = swept(data[7:13], T)
crash = a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]
print("crash" if crash else "safe")
