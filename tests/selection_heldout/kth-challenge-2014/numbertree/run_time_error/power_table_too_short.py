# Crash: the power table has entries 2^0..2^30 only, so H = 30 indexes 2^31 out of range.
POW = [1 << i for i in range(31)]
parts = input().split()
h = int(parts[0])
path = parts[1] if len(parts) > 1 else ""
idx = 1
for c in path:
    idx = 2 * idx + (1 if c == 'R' else 0)
print(POW[h + 1] - idx)
