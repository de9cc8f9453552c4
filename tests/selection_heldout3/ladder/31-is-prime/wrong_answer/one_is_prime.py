import math
n = int(input())
prime = True
for d in range(2, math.isqrt(n) + 1):
    if n % d == 0:
        prime = False
        break
print("YES" if prime else "NO")
