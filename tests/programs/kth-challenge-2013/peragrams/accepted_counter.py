from collections import Counter

s = input().strip()
odd = sum(count % 2 for count in Counter(s).values())
print(max(0, odd - 1))
