# Bug: prints the last letter instead of the first.
s = input().strip()
print(s[-1])
