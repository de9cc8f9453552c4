import sys

data = sys.stdin.read().split()
n, p, s = int(data[0]), int(data[1]), int(data[2])
pos = 3
out = []
for _ in range(s):
    m = int(data[pos])
    cards = set(map(int, data[pos + 1:pos + 1 + m]))
    pos += 1 + m
    out.append("KEEP" if p in cards else "REMOVE")
print("\n".join(out))
