# Bug: removes duplicates first, so a repeated maximum is skipped (and equal values crash).
n = int(input())
a = sorted(set(map(int, input().split())))
print(a[-2])
