import sys
from collections import deque


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    t = [int(x) for x in data[1:2 * n + 1:2]]
    c = [int(x) for x in data[2:2 * n + 2:2]]
    done = [0] * n
    ans = [0] * n
    q = deque([[0, list(range(n))]])
    G = 0
    while q:
        s, grp = q.popleft()
        grp.sort()
        Gb = G
        for i in grp:
            if s > 0:
                done[i] += 1
                if done[i] == c[i]:
                    ans[i] = s
                    continue
            f = s + t[i]
            if f < Gb:
                f = Gb
            if q and q[-1][0] == f:
                q[-1][1].append(i)
            else:
                q.append([f, [i]])
            if f > G:
                G = f
    sys.stdout.write("\n".join(map(str, ans)) + "\n")


main()
