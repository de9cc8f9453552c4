s = input().strip()
c = input().strip()
count = 0
for i in range(1, len(s)):
    if s[i] == c:
        count += 1
print(count)
