# Bug: compares the numbers as strings, so "9" > "10" and "-5" > "-3".
a, b = input().split()
print(max(a, b))
