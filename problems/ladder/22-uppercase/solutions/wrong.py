# Bug: capitalizes only the first letter.
print(input().strip().capitalize())
