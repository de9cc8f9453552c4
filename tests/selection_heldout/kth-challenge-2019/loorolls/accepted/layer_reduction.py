# Roll i+1 is used in chunks of n_{i+1} = n_i - (l mod n_i); stop when a layer's chunk divides l.
l, n = map(int, input().split())
k = 1
while l % n:
    n -= l % n
    k += 1
print(k)
