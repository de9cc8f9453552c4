# Looks for pea soup only, assuming pancakes always come with it.
n = int(input())
answer = None
for _ in range(n):
    k = int(input())
    name = input().strip()
    items = [input().strip() for _ in range(k)]
    if answer is None and "pea soup" in items:
        answer = name
print(answer or "Anywhere is fine I guess")
