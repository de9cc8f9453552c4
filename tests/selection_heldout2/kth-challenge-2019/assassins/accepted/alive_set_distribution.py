import sys


def main():
    data = sys.stdin.read().split()
    n, m = int(data[0]), int(data[1])
    full = (1 << n) - 1
    prob = [0.0] * (1 << n)
    prob[full] = 1.0
    cache = {}
    pos = 2
    for _ in range(m):
        i, j, p = int(data[pos]) - 1, int(data[pos + 1]) - 1, float(data[pos + 2])
        pos += 3
        key = (i, j)
        masks = cache.get(key)
        if masks is None:
            need = (1 << i) | (1 << j)
            masks = [s for s in range(1 << n) if s & need == need]
            cache[key] = masks
        bj = 1 << j
        q = 1.0 - p
        for s in masks:
            v = prob[s]
            if v:
                prob[s ^ bj] += v * p
                prob[s] = v * q
    out = []
    for a in range(n):
        b = 1 << a
        out.append("%.10f" % sum(prob[s] for s in range(1 << n) if s & b))
    print("\n".join(out))


main()
