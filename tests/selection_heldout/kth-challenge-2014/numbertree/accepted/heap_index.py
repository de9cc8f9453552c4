# Label = 2^(H+1) - (heap index of the node, root = 1, children 2i and 2i+1).
parts = input().split()
h = int(parts[0])
path = parts[1] if len(parts) > 1 else ""
idx = 1
for c in path:
    idx = 2 * idx + (1 if c == 'R' else 0)
print((1 << (h + 1)) - idx)
