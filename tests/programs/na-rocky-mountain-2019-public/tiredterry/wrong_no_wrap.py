n, p, d = map(int, input().split())
s = input().strip()
print(sum(1 for i in range(p - 1, n) if s[i - p + 1 : i + 1].count("Z") < d))
