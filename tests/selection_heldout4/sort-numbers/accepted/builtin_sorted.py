n = int(input())
a = sorted(map(int, input().split()))
print(" ".join(map(str, a)))
