# Mistake: greedy two-phase: stops at the first place where all colours are collected, then adds the plain shortest path back to the tent.
import sys
import heapq

data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
bit = {c: 1 << k for k, c in enumerate("ROYGBIV")}
adj = [[] for _ in range(n + 1)]
pos = 2
for _ in range(m):
    a, b, d, c = int(data[pos]), int(data[pos + 1]), int(data[pos + 2]), data[pos + 3]
    pos += 4
    adj[a].append((b, d, bit[c]))
    adj[b].append((a, d, bit[c]))

# plain shortest paths to the tent
home = [float('inf')] * (n + 1)
home[1] = 0
pq = [(0, 1)]
while pq:
    d, u = heapq.heappop(pq)
    if d > home[u]:
        continue
    for v, w, _ in adj[u]:
        if d + w < home[v]:
            home[v] = d + w
            heapq.heappush(pq, (d + w, v))

dist = {(1, 0): 0}
pq = [(0, 1, 0)]
while pq:
    d, u, mask = heapq.heappop(pq)
    if d > dist[(u, mask)]:
        continue
    if mask == 127:
        print(d + home[u])
        break
    for v, w, b in adj[u]:
        st = (v, mask | b)
        if d + w < dist.get(st, float('inf')):
            dist[st] = d + w
            heapq.heappush(pq, (d + w, v, mask | b))
