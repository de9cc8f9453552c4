nums = list(map(int, input().split()))
best = 1e9
for x in nums:
    if x < best:
        best = x
print(best)
