# Mistake: prints only the first least incongruous alternative instead of all tied ones.
import sys
lines = sys.stdin.read().split('\n')
n = int(lines[1])
alts = lines[2:2 + n]
parts = [a.split(', ') for a in alts]
best, best_i = None, 0
for i in range(n):
    worst = max([sum(x != y for x, y in zip(parts[i], parts[j])) for j in range(n)])
    if best is None or worst < best:
        best, best_i = worst, i
print(alts[best_i])
