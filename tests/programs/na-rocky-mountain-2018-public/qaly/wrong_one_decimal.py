n = int(input())
total = sum(a * b for a, b in (map(float, input().split()) for _ in range(n)))
print("%.1f" % total)
