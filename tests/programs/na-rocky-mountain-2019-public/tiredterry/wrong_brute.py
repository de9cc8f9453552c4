n, p, d = map(int, input().split())
s = input().strip()
tired = 0
for i in range(n):
    sleep = 0
    for k in range(i - p + 1, i + 1):
        sleep += s[k % n] == "Z"
    if sleep < d:
        tired += 1
print(tired)
