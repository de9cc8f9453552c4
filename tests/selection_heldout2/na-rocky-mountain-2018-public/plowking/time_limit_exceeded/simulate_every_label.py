import sys

n, m = map(int, sys.stdin.read().split())
# walk through labels 1..m: the next label joins a new city if the current
# clique is full or if the remaining labels are needed for the remaining cities
size = 1          # cities in the component
inside = 0        # labels used inside the component
total = 0
left_cities = n - 1
for label in range(1, m + 1):
    full = inside == size * (size - 1) // 2
    spare_left = (m - label + 1) - left_cities
    if full or spare_left <= 0:
        total += label
        size += 1
        inside += 1
        left_cities -= 1
    else:
        inside += 1
print(total)
