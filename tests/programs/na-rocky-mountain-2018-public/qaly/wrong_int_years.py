n = int(input())
total = 0.0
for _ in range(n):
    q, y = input().split()
    total += float(q) * int(float(y))
print("%.3f" % total)
