import sys
import heapq


def main():
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
    FULL = 127
    INF = float('inf')
    dist = [INF] * ((n + 1) * 128)
    dist[1 * 128] = 0
    pq = [(0, 1 * 128)]
    while pq:
        du, st = heapq.heappop(pq)
        if du > dist[st]:
            continue
        u, mask = st >> 7, st & 127
        if u == 1 and mask == FULL:
            print(du)
            return
        for v, w, b in adj[u]:
            ns = (v << 7) | (mask | b)
            nd = du + w
            if nd < dist[ns]:
                dist[ns] = nd
                heapq.heappush(pq, (nd, ns))


main()
