s = input()
count = 1
for i in range(len(s)):
    if s[i] == ' ' and (i == 0 or s[i - 1] != ' '):
        count += 1
print(count)
