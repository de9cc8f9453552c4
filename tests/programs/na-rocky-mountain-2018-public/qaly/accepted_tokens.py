import sys

tokens = sys.stdin.read().split()
n = int(tokens[0])
values = list(map(float, tokens[1 : 1 + 2 * n]))
print(sum(values[i] * values[i + 1] for i in range(0, 2 * n, 2)))
