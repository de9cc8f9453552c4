# Mistake: greedy clique - start at a max-degree person and add everyone adjacent to all chosen so far.
import sys

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
adj = [set() for _ in range(n + 1)]
for k in range(m):
    a, b = int(data[2 + 2 * k]), int(data[3 + 2 * k])
    adj[a].add(b)
    adj[b].add(a)
start = max(range(1, n + 1), key=lambda v: len(adj[v]))
clique = [start]
for v in range(1, n + 1):
    if v != start and all(v in adj[u] for u in clique):
        clique.append(v)
print(len(clique))
