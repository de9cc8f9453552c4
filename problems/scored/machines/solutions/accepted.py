# Longest job first, each to the least loaded machine: valid, not always optimal.
n, m = map(int, input().split())
times = list(map(int, input().split()))
load = [0] * m
machine = [0] * n
for i in sorted(range(n), key=lambda i: -times[i]):
    best = min(range(m), key=load.__getitem__)
    load[best] += times[i]
    machine[i] = best + 1
print(*machine)
