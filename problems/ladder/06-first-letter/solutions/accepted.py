s = input().strip()
print(s[0])
