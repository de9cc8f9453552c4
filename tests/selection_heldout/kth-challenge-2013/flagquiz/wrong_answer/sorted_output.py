# Mistake: prints the tied alternatives in alphabetical order instead of input order.
import sys
lines = sys.stdin.read().split('\n')
n = int(lines[1])
alts = lines[2:2 + n]
parts = [a.split(', ') for a in alts]
inc = []
for i in range(n):
    inc.append(max(sum(x != y for x, y in zip(parts[i], parts[j])) for j in range(n)))
m = min(inc)
print('\n'.join(sorted(alts[i] for i in range(n) if inc[i] == m)))
