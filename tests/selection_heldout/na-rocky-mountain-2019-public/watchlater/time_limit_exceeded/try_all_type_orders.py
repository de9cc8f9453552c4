# Too slow: tries every order of the k types (k! orders) and simulates the clicks for each.
from itertools import permutations

n, k = map(int, input().split())
s = input().strip()
types = sorted(set(s))
best = None
for order in permutations(types):
    cur = s
    clicks = 0
    for t in order:
        prev = None
        for ch in cur:
            if ch == t and prev != t:
                clicks += 1
            prev = ch
        cur = cur.replace(t, "")
    if best is None or clicks < best:
        best = clicks
print(best)
