# Mistake: builds the line by inserting at index d+1 in input order, which ignores people not yet placed.
n = int(input())
d = list(map(int, input().split()))
line = [1]
for i, x in enumerate(d):
    line.insert(min(x + 1, len(line)), i + 2)
print(*line)
