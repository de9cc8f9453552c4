# Counts layers from zero and stops only after layer h+1.
import sys

h, w, n, *bricks = map(int, sys.stdin.read().split())
layers = filled = 0
answer = "NO"
for x in bricks:
    filled += x
    if filled > w:
        break
    if filled == w:
        filled = 0
        if layers == h:
            answer = "YES"
            break
        layers += 1
print(answer)
