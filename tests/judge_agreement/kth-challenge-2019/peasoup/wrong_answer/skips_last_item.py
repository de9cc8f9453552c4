# Reads all k items but checks only the first k-1.
n = int(input())
answer = None
for _ in range(n):
    k = int(input())
    name = input().strip()
    items = [input().strip() for _ in range(k)]
    if answer is None and "pea soup" in items[:-1] and "pancakes" in items[:-1]:
        answer = name
print(answer or "Anywhere is fine I guess")
