# Correct but slow: rescans the whole dictionary character by character for every plate, no caching.
import sys

data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
words = data[2:2 + n]
plates = data[2 + n:2 + n + m]
out = []
for pl in plates:
    p = pl.lower()
    ans = "No valid word"
    for w in words:
        k = 0
        for ch in w:
            if ch == p[k]:
                k += 1
                if k == 3:
                    break
        if k == 3:
            ans = w
            break
    out.append(ans)
print("\n".join(out))
