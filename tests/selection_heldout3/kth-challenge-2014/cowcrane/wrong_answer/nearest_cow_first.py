m, l = map(int, input().split())
M, L = map(int, input().split())
tm, tl = map(int, input().split())

# start with the cow that is closer to the crane
if abs(l) < abs(m):
    a, A, ta, b, B, tb = l, L, tl, m, M, tm
else:
    a, A, ta, b, B, tb = m, M, tm, l, L, tl

ok = False
t1 = abs(a) + abs(a - A)
t2 = t1 + abs(A - b) + abs(b - B)
if t1 <= ta and t2 <= tb:
    ok = True
# or carry the first cow over to the second one, deliver the second, then the first
u_b = abs(a) + abs(a - b) + abs(b - B)
u_a = u_b + abs(B - b) + abs(b - A)
if u_b <= tb and u_a <= ta:
    ok = True
print("possible" if ok else "impossible")
