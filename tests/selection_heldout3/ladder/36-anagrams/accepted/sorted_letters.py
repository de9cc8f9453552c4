s = input().strip()
t = input().strip()
print("YES" if sorted(s) == sorted(t) else "NO")
