s = input().strip()
t = input().strip()
if len(s) == len(t) and set(s) == set(t):
    print("YES")
else:
    print("NO")
