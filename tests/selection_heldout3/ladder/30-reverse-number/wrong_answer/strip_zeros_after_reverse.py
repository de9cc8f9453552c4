s = input().strip()
r = s[::-1].rstrip('0')
print(r)
