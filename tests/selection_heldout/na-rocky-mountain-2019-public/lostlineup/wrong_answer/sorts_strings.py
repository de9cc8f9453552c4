# Mistake: sorts the distances as strings, so "10" comes before "2" once n > 11.
n = int(input())
d = input().split()
order = sorted(range(n - 1), key=lambda i: d[i])
print(*([1] + [i + 2 for i in order]))
