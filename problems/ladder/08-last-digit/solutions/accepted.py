n = int(input())
print(n % 10)
