# Bug: prints the numbers in their original order.
a, b = input().split()
print(a, b)
