m, l = map(int, input().split())
M, L = map(int, input().split())
tm, tl = map(int, input().split())
early, late = min(tm, tl), max(tm, tl)


def feasible(a, A, b, B):
    t1 = abs(a) + abs(a - A)
    t2 = t1 + abs(A - b) + abs(b - B)
    if t1 <= early and t2 <= late:
        return True
    tb = abs(a) + abs(a - b) + abs(b - B)
    ta = tb + abs(B - b) + abs(b - A)
    return tb <= early and ta <= late


ok = feasible(m, M, l, L) or feasible(l, L, m, M)
print("possible" if ok else "impossible")
