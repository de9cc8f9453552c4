# Trails whose upper end is closer than S/2 to campus can be used; min vertex cover DP on them (existing lamps are free).
import sys
def main():
    data = sys.stdin.buffer.read().split()
    pos = 0
    n, S = int(data[0]), int(data[1]); pos = 2
    adj = [[] for _ in range(n + 1)]
    for _ in range(n - 1):
        a, b, d = int(data[pos]), int(data[pos + 1]), int(data[pos + 2]); pos += 3
        adj[a].append((b, d)); adj[b].append((a, d))
    L = int(data[pos]); pos += 1
    lamp = [False] * (n + 1)
    for i in range(L):
        lamp[int(data[pos + i])] = True
    dist = [-1] * (n + 1)
    parent = [0] * (n + 1)
    dist[1] = 0
    order = [1]
    for v in order:  # BFS order
        for u, d in adj[v]:
            if dist[u] < 0:
                dist[u] = dist[v] + d
                parent[u] = v
                order.append(u)
    INF = float('inf')
    lit = [0] * (n + 1)    # cost of subtree with v lit
    dark = [0] * (n + 1)   # cost of subtree with v unlit
    for v in range(1, n + 1):
        lit[v] = 0 if lamp[v] else 1
        dark[v] = INF if lamp[v] else 0
    for v in reversed(order):
        if v == 1:
            continue
        p = parent[v]
        if 2 * dist[p] < S:  # the trail p-v is usable
            lit[p] += min(lit[v], dark[v])
            dark[p] += lit[v]
    print(min(lit[1], dark[1]))
main()
