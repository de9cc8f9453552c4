s = input().strip()
d = []
p = 0
for ch in s:
    if ch == 'P':
        p += 1
    else:
        d.append(p)
inv = sum(d)
k = len(d)
INF = float('inf')
# each clean bale moves d[i] steps left; a pair of neighbours can move together,
# a single bale can jump two; count how many must make a lonely single step
dp = {0: 0}
for i in range(k):
    nd = {}
    for xp, c in dp.items():
        for x in ((0, 1) if i < k - 1 else (0,)):
            v = c + (d[i] + xp + x) % 2
            if nd.get(x, INF) > v:
                nd[x] = v
    dp = nd
singles = min(dp.values()) if k else 0
print((inv + singles) // 2)
