import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
total = 0
for coords in (sorted(data[1::2][:n]), sorted(data[2::2][:n])):
    # In sorted order the i-th value is subtracted by the i before it and added for the rest.
    total += sum(x * (2 * i - n + 1) for i, x in enumerate(coords))
print(total)
