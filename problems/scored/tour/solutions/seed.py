# Reads the towns, then visits them in input order: valid, long.
n = int(input())
towns = [tuple(map(int, input().split())) for _ in range(n)]
order = list(range(n))
print(*(i + 1 for i in order))
