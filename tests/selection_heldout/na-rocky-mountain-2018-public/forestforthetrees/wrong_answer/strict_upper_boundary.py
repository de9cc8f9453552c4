# Mistake: treats trees on the far edges (x = x2 or y = y2) as not cut (strict < instead of <=).
from math import gcd

xb, yb = map(int, input().split())
x1, y1, x2, y2 = map(int, input().split())
g = gcd(xb, yb)
dx, dy = xb // g, yb // g
lo = max(-(-x1 // dx), -(-y1 // dy))
hi = min((x2 - 1) // dx, (y2 - 1) // dy)
first = hi + 1 if lo <= 1 <= hi else 1
if first <= g - 1:
    print("No")
    print(dx * first, dy * first)
else:
    print("Yes")
