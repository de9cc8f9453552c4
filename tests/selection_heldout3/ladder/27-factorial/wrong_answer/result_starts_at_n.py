n = int(input())
res = n
for i in range(1, n):
    res *= i
print(res)
