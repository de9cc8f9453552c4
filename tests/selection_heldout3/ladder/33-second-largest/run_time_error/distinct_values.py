n = int(input())
a = list(map(int, input().split()))
vals = sorted(set(a))
print(vals[-2])
