# The same Fenwick trees as accepted/fenwick_pypy.py, on CPython: several times the limit.
import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
total = 0
for coords in (data[1::2][:n], data[2::2][:n]):
    # Points so far with a value <= v: counted and summed by two Fenwick trees over the values.
    size = max(coords)
    count = [0] * (size + 1)
    summed = [0] * (size + 1)
    seen = seen_sum = 0
    for x in coords:
        below = below_sum = 0
        i = x
        while i > 0:
            below += count[i]
            below_sum += summed[i]
            i -= i & -i
        total += x * below - below_sum + (seen_sum - below_sum) - x * (seen - below)
        i = x
        while i <= size:
            count[i] += 1
            summed[i] += x
            i += i & -i
        seen += 1
        seen_sum += x
print(total)
