# Invalid: every item, whatever it weighs.
n, capacity = map(int, input().split())
print(n)
print(*range(1, n + 1))
