# Too slow: enumerates all s^n sequences of throws.
from itertools import product
n, s, k = map(int, input().split())
good = 0
total = 0
for seq in product(range(s), repeat=n):
    total += 1
    if len(set(seq)) >= k:
        good += 1
print("%.10f" % (good / total))
