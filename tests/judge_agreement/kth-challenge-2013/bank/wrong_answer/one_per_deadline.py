# Serves only the richest person of each deadline, at that very minute: never moves anyone earlier.
import sys

data = list(map(int, sys.stdin.read().split()))
n, t = data[0], data[1]
best = [0] * t
for cash, leave in zip(data[2::2], data[3::2]):
    best[leave] = max(best[leave], cash)
print(sum(best))
