from collections import Counter

n = int(input())
c = Counter(map(int, input().split()))
best = max(c.values())
print(min(v for v in c if c[v] == best))
