n = int(input())
a = list(map(int, input().split()))
cnt = [0] * (10**6 + 1)
for x in a:
    cnt[x] += 1
out = []
for v in range(10**6 + 1):
    out.extend([v] * cnt[v])
print(" ".join(map(str, out)))
