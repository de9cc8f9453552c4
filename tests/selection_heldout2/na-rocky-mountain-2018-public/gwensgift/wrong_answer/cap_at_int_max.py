# Mistake: caps the factorials at 2^31-1 (as if k fit in 32 bits), so big k skips past a branch that really has more sequences.
import sys

n, k = map(int, sys.stdin.read().split())
LIM = 2 ** 31 - 1
fact = [1] * n
for r in range(1, n):
    fact[r] = min(LIM, fact[r - 1] * r)
used = [False] * n
used[0] = True
s = 0
out = []
for i in range(1, n):
    cnt = fact[n - 1 - i]
    for a in range(1, n):
        t = (s + a) % n
        if used[t]:
            continue
        if k <= cnt:
            out.append(a)
            used[t] = True
            s = t
            break
        k -= cnt
print(" ".join(map(str, out)))
