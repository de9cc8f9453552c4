# Mistake: evaluates n! * n^(n-k-1) in floating point before dividing, which overflows to inf for large N.
import sys
from math import factorial

n = int(sys.stdin.readline())
num = 0.0
for k in range(2, n + 1):
    num += factorial(n) * float(n) ** (n - k - 1) / factorial(n - k)
print("%.12f" % (num / float(n - 1) ** n))
