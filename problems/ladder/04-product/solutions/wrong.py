# Bug: adds instead of multiplying.
a, b = map(int, input().split())
print(a + b)
