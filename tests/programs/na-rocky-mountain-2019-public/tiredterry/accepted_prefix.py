n, p, d = map(int, input().split())
s = input().strip()
doubled = s + s
prefix = [0]
for c in doubled:
    prefix.append(prefix[-1] + (c == "Z"))
tired = 0
for i in range(n, 2 * n):
    if prefix[i + 1] - prefix[i + 1 - p] < d:
        tired += 1
print(tired)
