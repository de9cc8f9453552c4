# Forgets to weight the years by quality.
n = int(input())
print(sum(float(input().split()[1]) for _ in range(n)))
