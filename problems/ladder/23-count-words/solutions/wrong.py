# Bug: counts the spaces plus one, which fails on repeated spaces.
print(input().count(" ") + 1)
