s = int(input())
m, r = divmod(s, 60)
print(m, r)
