from collections import Counter
n = int(input())
a = list(map(int, input().split()))
c = Counter(a)
best = min(c, key=lambda v: (-c[v], v))
print(best)
