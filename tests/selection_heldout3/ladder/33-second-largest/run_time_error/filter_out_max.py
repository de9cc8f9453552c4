n = int(input())
a = list(map(int, input().split()))
rest = [x for x in a if x != max(a)]
print(max(rest))
