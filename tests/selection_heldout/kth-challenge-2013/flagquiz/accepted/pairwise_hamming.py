# For each alternative, the max Hamming distance (over parts) to the others; print all minimisers.
import sys
lines = sys.stdin.read().split('\n')
n = int(lines[1])
alts = lines[2:2 + n]
parts = [a.split(', ') for a in alts]
best = None
inc = []
for i in range(n):
    worst = 0
    for j in range(n):
        if i != j:
            d = sum(1 for x, y in zip(parts[i], parts[j]) if x != y)
            worst = max(worst, d)
    inc.append(worst)
m = min(inc)
print('\n'.join(alts[i] for i in range(n) if inc[i] == m))
