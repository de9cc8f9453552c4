s = input().strip()
odd = sum(s.count(c) % 2 for c in set(s))
print(odd - 1)
