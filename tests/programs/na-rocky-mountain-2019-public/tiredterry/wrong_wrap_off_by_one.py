n, p, d = map(int, input().split())
s = input().strip()
tired = 0
for i in range(n):
    start = i - p + 1
    # off by one: a wrapping window takes one second too many from the previous period
    window = s[start - 1 :] + s[: i + 1] if start < 0 else s[start : i + 1]
    if window.count("Z") < d:
        tired += 1
print(tired)
