# Greedy by deadline (richest first among equal deadlines): takes whoever fits, never swaps.
import sys

data = list(map(int, sys.stdin.read().split()))
n, t = data[0], data[1]
people = sorted(zip(data[2::2], data[3::2]), key=lambda p: (p[1], -p[0]))
served = total = 0
for cash, leave in people:
    if served <= leave:
        served += 1
        total += cash
print(total)
