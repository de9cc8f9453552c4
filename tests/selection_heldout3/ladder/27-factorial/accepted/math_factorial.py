import math
n = int(input())
print(math.factorial(n))
