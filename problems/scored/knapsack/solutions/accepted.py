# Greedy by worth per weight: valid, not optimal.
n, capacity = map(int, input().split())
items = [tuple(map(int, input().split())) for _ in range(n)]
order = sorted(range(n), key=lambda i: -items[i][1] / items[i][0])
chosen, weight = [], 0
for i in order:
    if weight + items[i][0] <= capacity:
        chosen.append(i + 1)
        weight += items[i][0]
print(len(chosen))
print(*chosen)
