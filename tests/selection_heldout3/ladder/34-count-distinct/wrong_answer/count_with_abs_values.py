n = int(input())
a = list(map(int, input().split()))
seen = [False] * (10**6 + 1)
cnt = 0
for x in a:
    if not seen[abs(x)]:
        seen[abs(x)] = True
        cnt += 1
print(cnt)
