import sys


def main():
    n, k = map(int, sys.stdin.read().split())
    LIM = 2 * 10 ** 18
    # fact[r] = r! capped at LIM
    fact = [1] * n
    for r in range(1, n):
        fact[r] = min(LIM, fact[r - 1] * r)
    # prefix sums mod n must be 0 followed by a permutation of 1..n-1
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


main()
