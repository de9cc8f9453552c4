import sys

lines = sys.stdin.read().split()
n = int(lines[0])
citations = sorted(lines[1 : 1 + n], reverse=True)
h = 0
for i, c in enumerate(citations):
    if int(c) >= i + 1:
        h = i + 1
print(h)
