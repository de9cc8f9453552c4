# Bug: calls 1 a prime, since the loop over divisors finds none.
n = int(input())
ok = True
for d in range(2, n):
    if n % d == 0:
        ok = False
        break
print("YES" if ok else "NO")
