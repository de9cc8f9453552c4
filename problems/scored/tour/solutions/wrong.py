# Invalid: forgets the last town.
n = int(input())
print(*range(1, n))
