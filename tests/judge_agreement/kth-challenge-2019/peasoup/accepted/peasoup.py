import sys

lines = sys.stdin.read().split("\n")
n = int(lines[0])
pos = 1
answer = "Anywhere is fine I guess"
for _ in range(n):
    k = int(lines[pos])
    name, items = lines[pos + 1].strip(), {line.strip() for line in lines[pos + 2:pos + 2 + k]}
    pos += k + 2
    if "pea soup" in items and "pancakes" in items:
        answer = name
        break
print(answer)
