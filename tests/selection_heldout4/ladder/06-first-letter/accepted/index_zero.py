s = input()
print(s[0])
