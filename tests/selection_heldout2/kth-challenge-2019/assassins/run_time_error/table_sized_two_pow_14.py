import sys

# "2^14 states are plenty" -- but with n = 15 the all-alive set is 2^15 - 1, outside the table
MAXS = 1 << 14
data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
prob = [0.0] * MAXS
prob[(1 << n) - 1] = 1.0
pos = 2
for _ in range(m):
    i, j, p = int(data[pos]) - 1, int(data[pos + 1]) - 1, float(data[pos + 2])
    pos += 3
    need = (1 << i) | (1 << j)
    bj = 1 << j
    for s in range(1 << n):
        v = prob[s]
        if v and s & need == need:
            prob[s ^ bj] += v * p
            prob[s] = v * (1 - p)
for a in range(n):
    print("%.10f" % sum(prob[s] for s in range(1 << n) if s >> a & 1))
