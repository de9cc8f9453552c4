# Bug: prints the distance |a - b|, wrong whenever a < b.
a, b = map(int, input().split())
print(abs(a - b))
