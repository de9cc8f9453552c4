n = int(input())
a = sorted(map(int, input().split()), reverse=True)
print(a[1])
