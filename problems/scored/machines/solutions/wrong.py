# Invalid: machine 0 does not exist.
n, m = map(int, input().split())
print(*([0] * n))
