# Mistake: forgets that a piece "AG" can sit in an ATG block with an inserted T in the middle.
# Each block of the final string holds a contiguous piece of S plus inserted letters.
# An ATG block may hold any in-order subsequence of "ATG"; other blocks cost 3 - len(piece).
# Letters after the last chosen block are free (they never need to be completed).
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    s = data[1]
    L = len(s)
    okpiece = {"A", "T", "G", "AT", "TG", "ATG"}
    J = min(n, L)
    INF = 10 ** 9
    # dp[i][j]: min insertions so that S[:i] fills whole blocks, j of them ATG
    dp = [[INF] * (J + 1) for _ in range(L + 1)]
    dp[0][0] = 0
    best = 3 * n
    for i in range(L + 1):
        row = dp[i]
        top = min(i, J)
        for j in range(top + 1):
            v = row[j]
            if v >= INF:
                continue
            c = v + 3 * (n - j)
            if c < best:
                best = c
        for l in range(1, 4):
            if i + l > L:
                break
            nxt = dp[i + l]
            cost = 3 - l
            for j in range(top + 1):
                v = row[j] + cost
                if v < nxt[j]:
                    nxt[j] = v
            if s[i:i + l] in okpiece:
                for j in range(top + 1):
                    jj = j + 1 if j < J else J
                    v = row[j] + cost
                    if v < nxt[jj]:
                        nxt[jj] = v
    print(best)


main()
