s = input().strip()
n = len(s)
inv = 0
c = 0
for ch in reversed(s):
    if ch == 'C':
        c += 1
    else:
        inv += c
a = s.count('C')
even_now = sum(1 for i, ch in enumerate(s) if ch == 'P' and i % 2 == 0)
even_target = sum(1 for i in range(a, n) if i % 2 == 0)
print((inv + abs(even_now - even_target)) // 2)
