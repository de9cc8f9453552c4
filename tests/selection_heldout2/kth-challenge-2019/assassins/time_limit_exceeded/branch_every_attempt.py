import sys

sys.setrecursionlimit(5000)
data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
att = []
pos = 2
for _ in range(m):
    att.append((int(data[pos]) - 1, int(data[pos + 1]) - 1, float(data[pos + 2])))
    pos += 3
alive_prob = [0.0] * n


def go(k, alive, pr):
    # follow every success/failure branch separately (no merging of equal states)
    if pr == 0.0:
        return
    if k == m:
        for a in range(n):
            if alive >> a & 1:
                alive_prob[a] += pr
        return
    i, j, p = att[k]
    if alive >> i & 1 and alive >> j & 1:
        go(k + 1, alive ^ (1 << j), pr * p)
        go(k + 1, alive, pr * (1 - p))
    else:
        go(k + 1, alive, pr)


go(0, (1 << n) - 1, 1.0)
print("\n".join("%.10f" % x for x in alive_prob))
