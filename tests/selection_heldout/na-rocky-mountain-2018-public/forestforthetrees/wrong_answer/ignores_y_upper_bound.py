# Mistake: the end of the cut stretch is taken from the x-range only, ignoring y2.
from math import gcd

xb, yb = map(int, input().split())
x1, y1, x2, y2 = map(int, input().split())
g = gcd(xb, yb)
dx, dy = xb // g, yb // g
lo = max(-(-x1 // dx), -(-y1 // dy))
hi = x2 // dx
first = hi + 1 if lo <= 1 <= hi else 1
if first <= g - 1:
    print("No")
    print(dx * first, dy * first)
else:
    print("Yes")
