# Sums the distance of every pair: O(N^2) for N up to 200000.
import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
trucks = list(zip(data[1::2], data[2::2]))
total = 0
for i in range(n):
    s1, a1 = trucks[i]
    for j in range(i + 1, n):
        total += abs(s1 - trucks[j][0]) + abs(a1 - trucks[j][1])
print(total)
