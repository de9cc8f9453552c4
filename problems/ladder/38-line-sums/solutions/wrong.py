# Bug: reads only the first pair.
n = int(input())
a, b = map(int, input().split())
print(a + b)
