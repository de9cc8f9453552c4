a, b = map(int, input().split())
while a > 0:
    a -= b
print("YES" if a == 0 else "NO")
