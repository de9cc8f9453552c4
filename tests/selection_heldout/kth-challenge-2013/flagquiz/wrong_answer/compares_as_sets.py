# Mistake: counts changes as the size of the set difference, ignoring the order of the parts.
import sys
lines = sys.stdin.read().split('\n')
n = int(lines[1])
alts = lines[2:2 + n]
parts = [set(a.split(', ')) for a in alts]
inc = []
for i in range(n):
    inc.append(max(len(parts[i] - parts[j]) for j in range(n)))
m = min(inc)
print('\n'.join(alts[i] for i in range(n) if inc[i] == m))
