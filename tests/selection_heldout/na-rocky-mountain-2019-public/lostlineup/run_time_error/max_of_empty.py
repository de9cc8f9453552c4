# Crash: sizes the answer with max(d), which raises ValueError when n = 1 (no distances).
n = int(input())
d = list(map(int, input().split()))
res = [1] + [0] * (max(d) + 1)
for i, x in enumerate(d):
    res[x + 1] = i + 2
print(*res)
