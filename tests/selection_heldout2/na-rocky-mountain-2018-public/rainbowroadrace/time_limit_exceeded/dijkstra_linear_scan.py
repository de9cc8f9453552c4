import sys

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
INF = float('inf')
N = (n + 1) * 128
dist = [INF] * N
done = [False] * N
dist[128] = 0
target = 128 + 127
while True:
    # O(V) scan for the closest unsettled state
    best, bs = INF, -1
    for s in range(N):
        if not done[s] and dist[s] < best:
            best, bs = dist[s], s
    if bs == target or bs < 0:
        break
    done[bs] = True
    u, mask = bs >> 7, bs & 127
    for v, w, b in adj[u]:
        ns = (v << 7) | (mask | b)
        if best + w < dist[ns]:
            dist[ns] = best + w
print(dist[target])
