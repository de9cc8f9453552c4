# Mistake: BFS over (location, colours) states counting streets, then sums street lengths along that fewest-streets route instead of minimising length.
import sys
from collections import deque

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
dist = {(1, 0): 0}
q = deque([(1, 0)])
while q:
    u, mask = q.popleft()
    if u == 1 and mask == 127:
        print(dist[(u, mask)])
        break
    for v, w, b in adj[u]:
        st = (v, mask | b)
        if st not in dist:
            dist[st] = dist[(u, mask)] + w
            q.append(st)
