# Nearest neighbour from town 1: valid, not optimal.
n = int(input())
towns = [tuple(map(int, input().split())) for _ in range(n)]
left = set(range(1, n))
order = [0]
while left:
    x, y = towns[order[-1]]
    nearest = min(left, key=lambda j: (towns[j][0] - x) ** 2 + (towns[j][1] - y) ** 2)
    left.remove(nearest)
    order.append(nearest)
print(*(i + 1 for i in order))
