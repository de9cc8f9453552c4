# Mistake: for windows that wrap around the end of the pattern, the tail slice starts one second too early (window length p+1).
import sys

data = sys.stdin.read().split()
n, p, d = int(data[0]), int(data[1]), int(data[2])
s = data[3]
pre = [0] * (n + 1)
for i, c in enumerate(s):
    pre[i + 1] = pre[i] + (c == 'Z')
ans = 0
for i in range(n):
    if i >= p - 1:
        z = pre[i + 1] - pre[i + 1 - p]
    else:
        need = p - (i + 1)          # seconds taken from the end of the pattern
        z = pre[i + 1] + (pre[n] - pre[n - need - 1])
    if z < d:
        ans += 1
print(ans)
