n = int(input())
a = input().split()
print(max(a))
