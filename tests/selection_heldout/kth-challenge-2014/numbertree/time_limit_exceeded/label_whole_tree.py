# Too slow: labels every node of the tree level by level (2^(H+1) nodes) before answering.
parts = input().split()
h = int(parts[0])
path = parts[1] if len(parts) > 1 else ""
label = {}
nxt = 1
for depth in range(h, -1, -1):
    first = 1 << depth
    for idx in range(2 * first - 1, first - 1, -1):  # right to left
        label[idx] = nxt
        nxt += 1
idx = 1
for c in path:
    idx = 2 * idx + (1 if c == 'R' else 0)
print(label[idx])
