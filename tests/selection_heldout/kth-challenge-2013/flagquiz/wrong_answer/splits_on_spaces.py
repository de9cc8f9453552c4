# Mistake: splits the alternatives into words instead of on ", ", so multi-word parts count several times.
import sys
lines = sys.stdin.read().split('\n')
n = int(lines[1])
alts = lines[2:2 + n]
parts = [a.replace(',', ' ').split() for a in alts]
inc = []
for i in range(n):
    inc.append(max(sum(x != y for x, y in zip(parts[i], parts[j])) for j in range(n)))
m = min(inc)
print('\n'.join(alts[i] for i in range(n) if inc[i] == m))
