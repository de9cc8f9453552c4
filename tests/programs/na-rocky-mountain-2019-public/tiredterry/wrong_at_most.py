n, p, d = map(int, input().split())
s = input().strip()
doubled = s + s
print(sum(1 for i in range(n, 2 * n) if doubled[i - p + 1 : i + 1].count("Z") <= d))
