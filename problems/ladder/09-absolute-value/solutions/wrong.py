# Bug: negates every number, so positive numbers come out negative.
n = int(input())
print(-n)
