s = int(input())
print(s // 60, s % 60)
