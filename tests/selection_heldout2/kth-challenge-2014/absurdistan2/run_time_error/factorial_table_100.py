# Crash: factorial table built only up to 100 (misremembered bound), IndexError for N > 100.
import sys

MAXN = 100
fact = [1] * (MAXN + 1)
for i in range(1, MAXN + 1):
    fact[i] = fact[i - 1] * i

n = int(sys.stdin.readline())
num = 0
for k in range(2, n):
    num += fact[n] // fact[n - k] * n ** (n - k - 1)
num += fact[n - 1]
from fractions import Fraction
print("%.12f" % float(Fraction(num, (n - 1) ** n)))
