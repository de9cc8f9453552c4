# Bug: counts runs of equal neighbours without sorting, so a value that comes back
# is counted twice.
n = int(input())
a = list(map(int, input().split()))
print(1 + sum(1 for i in range(1, n) if a[i] != a[i - 1]))
