n = float(input())
print(int(n % 10))
