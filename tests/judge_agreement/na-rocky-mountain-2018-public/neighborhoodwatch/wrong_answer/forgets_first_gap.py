# Subtracts the unsafe runs after each watch house but not the run before the first one.
import sys

data = list(map(int, sys.stdin.read().split()))
n, k, watch = data[0], data[1], data[2:]
if k == 0:
    print(0)
    sys.exit()
unsafe = 0
for a, b in zip(watch, watch[1:] + [n + 1]):
    gap = b - a - 1
    unsafe += gap * (gap + 1) // 2
print(n * (n + 1) // 2 - unsafe)
