import sys


def main():
    data = sys.stdin.buffer.read().split()
    it = iter(map(int, data))
    W = next(it)
    P = next(it)
    tx = next(it)
    ty = next(it)
    walls = [(next(it), next(it), next(it), next(it)) for _ in range(W)]
    pir = [(next(it), next(it), next(it), next(it)) for _ in range(P)]

    def side(ax, ay, bx, by, cx, cy):
        v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
        return (v > 0) - (v < 0)

    def between(ax, ay, bx, by, px, py):
        return min(ax, bx) <= px <= max(ax, bx) and min(ay, by) <= py <= max(ay, by)

    out = []
    for i, (px, py, qx, qy) in enumerate(pir):
        dx, dy = tx - px, ty - py
        rx, ry = qx - px, qy - py
        ok = dx * dx + dy * dy <= rx * rx + ry * ry and dx * rx + dy * ry >= 0
        if ok:
            for ax, ay, bx, by in walls:
                o1 = side(px, py, tx, ty, ax, ay)
                o2 = side(px, py, tx, ty, bx, by)
                o3 = side(ax, ay, bx, by, px, py)
                o4 = side(ax, ay, bx, by, tx, ty)
                if (o1 * o2 < 0 and o3 * o4 < 0) or \
                        (o1 == 0 and between(px, py, tx, ty, ax, ay)) or \
                        (o2 == 0 and between(px, py, tx, ty, bx, by)):
                    ok = False
                    break
        if ok:
            for j, (sx, sy, _, _) in enumerate(pir):
                if j != i and side(px, py, tx, ty, sx, sy) == 0 and between(px, py, tx, ty, sx, sy):
                    ok = False
                    break
        out.append("visible" if ok else "not visible")
    print("\n".join(out))


main()
