n = int(input())
a = input().split()
print("YES" if a == sorted(a) else "NO")
