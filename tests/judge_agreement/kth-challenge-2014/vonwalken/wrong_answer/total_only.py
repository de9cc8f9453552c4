# Only checks that the total number of steps fits the total length N*D.
import sys

tokens = sys.stdin.read().split()
d, n = float(tokens[0]), int(tokens[1])
total = sum(map(int, tokens[2:2 + n]))
print("possible" if abs(total - n * d) < 1 else "impossible")
