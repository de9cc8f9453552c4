# Mistake: puts the tube lengths in a set, so two tubes of equal length can no longer both be used.
import sys

data = sys.stdin.read().split()
L1, L2, n = int(data[0]), int(data[1]), int(data[2])
a = sorted(set(int(x) for x in data[3:3 + n]))
m = len(a)
pairs1 = {}
pairs2 = {}
for i in range(m):
    for j in range(i + 1, m):
        s = a[i] + a[j]
        if s <= L1:
            pairs1.setdefault(s, []).append((i, j))
        if s <= L2:
            pairs2.setdefault(s, []).append((i, j))
best = -1
for s1 in sorted(pairs1, reverse=True):
    for s2 in sorted(pairs2, reverse=True):
        if s1 + s2 <= best:
            break
        if any(len({i, j, k, l}) == 4 for (i, j) in pairs1[s1][:3] for (k, l) in pairs2[s2][:3]):
            best = s1 + s2
            break
print("Impossible" if best < 0 else best)
