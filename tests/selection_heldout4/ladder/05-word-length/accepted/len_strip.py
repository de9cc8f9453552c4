s = input().strip()
print(len(s))
