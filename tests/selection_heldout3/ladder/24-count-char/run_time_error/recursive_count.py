def count(s, c, i):
    if i == len(s):
        return 0
    return (1 if s[i] == c else 0) + count(s, c, i + 1)


s = input().strip()
c = input().strip()
print(count(s, c, 0))
