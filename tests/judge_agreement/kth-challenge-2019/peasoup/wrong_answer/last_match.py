# Keeps overwriting the answer: prints the last restaurant with both, not the first.
n = int(input())
answer = "Anywhere is fine I guess"
for _ in range(n):
    k = int(input())
    name = input().strip()
    items = {input().strip() for _ in range(k)}
    if "pea soup" in items and "pancakes" in items:
        answer = name
print(answer)
