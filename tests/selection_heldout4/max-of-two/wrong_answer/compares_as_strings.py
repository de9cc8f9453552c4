a, b = input().split()
print(max(a, b))
