# Sorts the trucks by street and reuses that order for the avenues too.
import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
trucks = sorted(zip(data[1::2], data[2::2]))
total = 0
for i, (s, a) in enumerate(trucks):
    total += (s + a) * (2 * i - n + 1)
print(total)
