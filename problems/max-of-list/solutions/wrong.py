# Bug: starts the running maximum at 0, so an all-negative list prints 0.
n = int(input())
best = 0
for x in map(int, input().split()):
    best = max(best, x)
print(best)
