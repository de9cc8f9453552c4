sides = sorted(input().split())
a, b, c = int(sides[0]), int(sides[1]), int(sides[2])
if a + b > c:
    print("YES")
else:
    print("NO")
