n = int(input())
a = list(map(int, input().split()))
cnt = [0] * (10**6 + 1)
for x in a:
    cnt[x] += 1
best = 0
for v in range(10**6 + 1):
    if cnt[v] > cnt[best]:
        best = v
print(best)
