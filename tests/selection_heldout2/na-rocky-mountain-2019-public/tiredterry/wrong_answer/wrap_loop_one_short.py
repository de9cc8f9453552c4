# Mistake: the loop over the wrapped-around windows stops one step early, so the window ending at second p-2 is never checked.
import sys

data = sys.stdin.read().split()
n, p, d = int(data[0]), int(data[1]), int(data[2])
s = data[3]
z = [1 if c == 'Z' else 0 for c in s]
cur = sum(z[:p])
ans = 1 if cur < d else 0  # window ending at p-1
for i in range(p, n + p - 2):
    cur += z[i % n] - z[(i - p) % n]
    if cur < d:
        ans += 1
print(ans)
