# Mistake: runs the 'light the parent of a dark trail' greedy from the root downwards instead of from the leaves up.
import sys
def main():
    data = sys.stdin.buffer.read().split()
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
    for v in order:
        for u, d in adj[v]:
            if dist[u] < 0:
                dist[u] = dist[v] + d
                parent[u] = v
                order.append(u)
    added = 0
    for v in order:
        if v == 1:
            continue
        p = parent[v]
        if 2 * dist[p] < S and not lamp[v] and not lamp[p]:
            lamp[p] = True
            added += 1
    print(added)
main()
