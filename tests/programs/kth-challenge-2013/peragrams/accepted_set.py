s = input().strip()
unpaired = set()
for c in s:
    unpaired ^= {c}
print(max(0, len(unpaired) - 1))
