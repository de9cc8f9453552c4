# Mistake: greedily takes the best pair for the smaller limit, then the best remaining pair for the other one.
import sys

data = sys.stdin.read().split()
L1, L2, n = int(data[0]), int(data[1]), int(data[2])
a = sorted(int(x) for x in data[3:3 + n])


def best_pair(arr, lim):
    best = None
    i, j = 0, len(arr) - 1
    while i < j:
        s = arr[i] + arr[j]
        if s <= lim:
            if best is None or s > best[0]:
                best = (s, i, j)
            i += 1
        else:
            j -= 1
    return best


lo, hi = min(L1, L2), max(L1, L2)
p = best_pair(a, lo)
if p is None:
    print("Impossible")
else:
    rest = [x for k, x in enumerate(a) if k != p[1] and k != p[2]]
    q = best_pair(rest, hi)
    print("Impossible" if q is None else p[0] + q[0])
