import sys


def main():
    data = sys.stdin.read().split()
    n, m = int(data[0]), int(data[1])
    words = data[2:2 + n]
    plates = data[2 + n:2 + n + m]
    best = {}
    for w in words:
        L = len(w)
        # nxt[i][c]: first index >= i with letter c, or L
        nxt = [None] * (L + 1)
        cur = [L] * 26
        nxt[L] = cur[:]
        for i in range(L - 1, -1, -1):
            cur[ord(w[i]) - 97] = i
            nxt[i] = cur[:]
        first = nxt[0]
        for a in range(26):
            p = first[a]
            if p >= L:
                continue
            na = nxt[p + 1]
            for b in range(26):
                q = na[b]
                if q >= L:
                    continue
                nb = nxt[q + 1]
                base = (a * 26 + b) * 26
                for c in range(26):
                    if nb[c] < L:
                        key = base + c
                        if key not in best:
                            best[key] = w
    out = []
    for pl in plates:
        key = ((ord(pl[0]) - 65) * 26 + ord(pl[1]) - 65) * 26 + ord(pl[2]) - 65
        out.append(best.get(key, "No valid word"))
    sys.stdout.write("\n".join(out) + "\n")


main()
