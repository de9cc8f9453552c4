import sys

data = sys.stdin.read().split()
n, p, d = int(data[0]), int(data[1]), int(data[2])
s = data[3]
ans = 0
for i in range(n):
    z = 0
    for k in range(p):
        if s[(i - k) % n] == 'Z':
            z += 1
    if z < d:
        ans += 1
print(ans)
