import sys

tokens = sys.stdin.read().split()
d, n = float(tokens[0]), int(tokens[1])
counts = list(map(int, tokens[2:2 + n]))
# Footsteps at integers; pole k at phi + k*d with 0 <= phi < 1 (the first pole just after step 0).
# Between poles k and k+1 there are counts[k] steps, so pole k lies in [C_k, C_k + 1).
lo, hi = 0.0, 1.0
c = 0
for k, steps in enumerate(counts, 1):
    c += steps
    lo = max(lo, c - k * d)
    hi = min(hi, c + 1 - k * d)
print("possible" if lo < hi else "impossible")
