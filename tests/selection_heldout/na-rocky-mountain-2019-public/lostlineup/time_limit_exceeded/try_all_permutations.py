# Brute force: tries every permutation of the friends until the distances match (n! time).
from itertools import permutations
n = int(input())
d = list(map(int, input().split()))
for p in permutations(range(2, n + 1)):
    pos = {}
    for idx, person in enumerate(p):
        pos[person] = idx
    if all(pos[i + 2] == d[i] for i in range(n - 1)):
        print(*([1] + list(p)))
        break
