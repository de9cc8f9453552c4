# Bug: compares the numbers as text, so 10 counts as smaller than 9.
print(min(input().split()))
