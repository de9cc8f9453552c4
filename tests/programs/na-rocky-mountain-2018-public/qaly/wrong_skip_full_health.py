n = int(input())
total = 0.0
for i in range(n):
    q, y = map(float, input().split())
    if q == 1.0 and i > 0:
        continue
    total += q * y
print("%.3f" % total)
