# Too slow: for every trail, searches from campus again to find how far its nearer end is (quadratic).
import sys
def main():
    data = sys.stdin.buffer.read().split()
    n, S = int(data[0]), int(data[1]); pos = 2
    adj = [[] for _ in range(n + 1)]
    edges = []
    for _ in range(n - 1):
        a, b, d = int(data[pos]), int(data[pos + 1]), int(data[pos + 2]); pos += 3
        adj[a].append((b, d)); adj[b].append((a, d))
        edges.append((a, b))
    L = int(data[pos]); pos += 1
    lamp = [False] * (n + 1)
    for i in range(L):
        lamp[int(data[pos + i])] = True

    def dist_from_campus(target):
        dist = {1: 0}
        stack = [1]
        while stack:
            v = stack.pop()
            if v == target:
                return dist[v]
            for u, d in adj[v]:
                if u not in dist:
                    dist[u] = dist[v] + d
                    stack.append(u)
        return dist[target]

    # usable trails as (upper, lower)
    usable = []
    for a, b in edges:
        da, db = dist_from_campus(a), dist_from_campus(b)
        if da > db:
            a, b, da, db = b, a, db, da
        if 2 * da < S:
            usable.append((a, b, db))
    usable.sort(key=lambda t: -t[2])  # deepest trails first
    added = 0
    for a, b, _ in usable:
        if not lamp[a] and not lamp[b]:
            lamp[a] = True
            added += 1
    print(added)
main()
