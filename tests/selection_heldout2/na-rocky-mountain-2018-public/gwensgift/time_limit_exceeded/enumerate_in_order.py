import sys

sys.setrecursionlimit(10000)
n, k = map(int, sys.stdin.read().split())
used = [False] * n
used[0] = True
seq = []
count = 0


def dfs(s):
    global count
    if len(seq) == n - 1:
        count += 1
        if count == k:
            print(" ".join(map(str, seq)))
            sys.exit(0)
        return
    for a in range(1, n):
        t = (s + a) % n
        if not used[t]:
            used[t] = True
            seq.append(a)
            dfs(t)
            seq.pop()
            used[t] = False


dfs(0)
