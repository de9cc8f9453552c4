import sys

h, w, n, *bricks = map(int, sys.stdin.read().split())
layers = filled = 0
answer = "NO"
for x in bricks:
    filled += x
    if filled > w:
        break
    if filled == w:
        layers += 1
        filled = 0
        if layers == h:
            answer = "YES"
            break
print(answer)
