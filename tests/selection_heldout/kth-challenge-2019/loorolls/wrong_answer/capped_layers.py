# Mistake: assumes the answer never exceeds 32 layers (about log2 of 10^10) and stops there.
l, n = map(int, input().split())
k = 1
while l % n and k < 32:
    n -= l % n
    k += 1
print(k)
