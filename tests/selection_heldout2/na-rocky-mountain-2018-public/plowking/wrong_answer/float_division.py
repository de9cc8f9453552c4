# Mistake: uses true division (/) so the sum becomes a float and loses precision once it exceeds 2^53.
import sys

n, m = map(int, sys.stdin.read().split())
spare = m - (n - 1)
total = 0
for i in range(1, n):
    room = (i - 1) * (i - 2) / 2
    total += i + min(spare, room)
print(int(total))
