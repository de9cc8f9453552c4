m, l = map(int, input().split())
M, L = map(int, input().split())
tm, tl = map(int, input().split())


def feasible(a, A, ta, b, B, tb):
    # cow a first, then cow b
    t1 = abs(a) + abs(a - A)
    t2 = t1 + abs(A - b) + abs(b - B)
    if t1 <= ta and t2 <= tb:
        return True
    # carry cow a to p, drop it, deliver cow b, come back and finish cow a
    for p in (0, a, b, A, B):
        tb_done = abs(a) + abs(a - p) + abs(p - b) + abs(b - B)
        ta_done = tb_done + abs(B - p) + abs(p - A)
        if tb_done <= tb and ta_done <= ta:
            return True
    return False


ok = feasible(m, M, tm, l, L, tl) or feasible(l, L, tl, m, M, tm)
print("possible" if ok else "impossible")
