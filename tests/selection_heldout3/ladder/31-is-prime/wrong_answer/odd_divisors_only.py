n = int(input())
if n < 2:
    print("NO")
else:
    prime = True
    i = 3
    while i * i <= n:
        if n % i == 0:
            prime = False
            break
        i += 2
    print("YES" if prime else "NO")
