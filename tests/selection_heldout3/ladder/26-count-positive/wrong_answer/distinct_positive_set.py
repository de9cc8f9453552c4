n = int(input())
a = list(map(int, input().split()))
positives = {x for x in a if x > 0}
print(len(positives))
