# Only checks that some prefix of the pile reaches exactly h*w, not every layer boundary.
import sys

h, w, n, *bricks = map(int, sys.stdin.read().split())
total = 0
answer = "NO"
for x in bricks:
    total += x
    if total == h * w:
        answer = "YES"
print(answer)
