from math import gcd

xb, yb = map(int, input().split())
x1, y1, x2, y2 = map(int, input().split())
g = gcd(xb, yb)
dx, dy = xb // g, yb // g
# trees on the sight line strictly before Belle: (dx*i, dy*i) for i = 1..g-1
lo = max(-(-x1 // dx), -(-y1 // dy))
hi = min(x2 // dx, y2 // dy)
if lo <= 1 <= hi:
    first = hi + 1
else:
    first = 1
if first <= g - 1:
    print("No")
    print(dx * first, dy * first)
else:
    print("Yes")
