s = int(input())
t = s / 60
m = int(t)
r = int((t - m) * 60)
print(m, r)
