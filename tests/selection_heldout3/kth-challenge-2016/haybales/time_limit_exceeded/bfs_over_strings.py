from collections import deque
s = input().strip()
target = ''.join(sorted(s))
dist = {s: 0}
q = deque([s])
while q:
    u = q.popleft()
    if u == target:
        print(dist[u])
        break
    for i in range(len(u) - 2):
        v = u[:i] + ''.join(sorted(u[i:i + 3])) + u[i + 3:]
        if v not in dist:
            dist[v] = dist[u] + 1
            q.append(v)
