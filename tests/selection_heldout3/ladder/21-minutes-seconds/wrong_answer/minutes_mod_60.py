s = int(input())
m = s // 60 % 60
r = s % 60
print(m, r)
