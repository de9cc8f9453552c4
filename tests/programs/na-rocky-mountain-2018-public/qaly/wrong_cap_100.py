n = int(input())
total = 0.0
for _ in range(n):
    q, y = map(float, input().split())
    total += q * y
print("%.3f" % min(total, 100.0))
