# Bug: prints the first digit instead of the last.
print(input().strip()[0])
