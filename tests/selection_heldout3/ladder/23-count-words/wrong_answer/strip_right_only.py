s = input().rstrip()
words = 1
prev = ''
for ch in s:
    if ch == ' ' and prev != ' ':
        words += 1
    prev = ch
print(words)
