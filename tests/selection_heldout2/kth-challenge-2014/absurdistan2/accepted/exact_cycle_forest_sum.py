# Connected functional graph without fixed points = one cycle of length k >= 2
# with rooted trees hanging on it: C(n,k) (k-1)! * k n^(n-k-1) such maps.
import sys
from fractions import Fraction
from math import factorial

n = int(sys.stdin.readline())
num = Fraction(0)
for k in range(2, n + 1):
    num += Fraction(factorial(n), factorial(n - k)) * Fraction(n) ** (n - k - 1)
p = num / (n - 1) ** n
print("%.12f" % float(p))
