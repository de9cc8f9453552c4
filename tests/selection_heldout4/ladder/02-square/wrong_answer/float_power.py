n = int(input())
print(int(n ** 2.0))
