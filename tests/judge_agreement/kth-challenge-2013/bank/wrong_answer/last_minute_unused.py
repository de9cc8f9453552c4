# Thinks service must end strictly before closing, so never serves anyone in minute T-1.
import sys

data = list(map(int, sys.stdin.read().split()))
n, t = data[0], data[1]
people = sorted(zip(data[2::2], data[3::2]), reverse=True)
free = [True] * (t - 1)
total = 0
for cash, leave in people:
    for slot in range(min(leave, t - 2), -1, -1):
        if free[slot]:
            free[slot] = False
            total += cash
            break
print(total)
