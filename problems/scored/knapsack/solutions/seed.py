# Reads the items, then chooses none of them: valid, worth 0.
n, capacity = map(int, input().split())
items = [tuple(map(int, input().split())) for _ in range(n)]
chosen = []
print(len(chosen))
print(*chosen)
