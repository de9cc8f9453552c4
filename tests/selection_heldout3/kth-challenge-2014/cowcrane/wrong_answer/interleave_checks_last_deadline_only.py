m, l = map(int, input().split())
M, L = map(int, input().split())
tm, tl = map(int, input().split())


def feasible(a, A, ta, b, B, tb):
    t1 = abs(a) + abs(a - A)
    t2 = t1 + abs(A - b) + abs(b - B)
    if t1 <= ta and t2 <= tb:
        return True
    # pick up a, carry it to b, switch to b and deliver it, then go back for a
    total = abs(a) + abs(a - b) + abs(b - B) + abs(B - b) + abs(b - A)
    return total <= ta


ok = feasible(m, M, tm, l, L, tl) or feasible(l, L, tl, m, M, tm)
print("possible" if ok else "impossible")
