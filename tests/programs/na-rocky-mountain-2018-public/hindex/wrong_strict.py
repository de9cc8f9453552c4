n = int(input())
citations = sorted((int(input()) for _ in range(n)), reverse=True)
h = 0
for i, c in enumerate(citations):
    if c > i + 1:
        h = i + 1
print(h)
