import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
citations = sorted(map(int, data[1 : 1 + n]), reverse=True)
h = 0
for i, c in enumerate(citations):
    if c >= i + 1:
        h = i + 1
print(min(h, n - 1))
