# Crash: memoised recursion over the throws goes n levels deep and hits Python's recursion limit.
from functools import lru_cache
n, s, k = map(int, input().split())

@lru_cache(maxsize=None)
def win(left, distinct):
    if distinct >= k:
        return 1.0
    if left == 0:
        return 0.0
    return (distinct / s) * win(left - 1, distinct) + ((s - distinct) / s) * win(left - 1, distinct + 1)

print("%.10f" % win(n, 0))
