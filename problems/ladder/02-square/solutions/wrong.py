# Bug: multiplies by two instead of squaring.
n = int(input())
print(n * 2)
