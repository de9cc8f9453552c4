s = input().strip()
res = ""
for ch in s:
    if ord('a') <= ord(ch) < ord('z'):
        res += chr(ord(ch) - 32)
    else:
        res += ch
print(res)
