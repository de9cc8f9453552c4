s = input().strip()
print(int(s[::-1]))
