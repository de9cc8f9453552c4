import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
citations = list(map(int, data[1 : 1 + n]))
best = 0
h = 0
while h <= max(citations):
    if sum(1 for c in citations if c >= h) >= h:
        best = h
    h += 1
print(best)
