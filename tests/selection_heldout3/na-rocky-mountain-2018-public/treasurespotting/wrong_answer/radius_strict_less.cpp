#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
typedef __int128 L;

struct Pt { ll x, y; };

int orient(Pt a, Pt b, Pt c) {
    L v = (L)(b.x - a.x) * (c.y - a.y) - (L)(b.y - a.y) * (c.x - a.x);
    return (v > 0) - (v < 0);
}

bool onSeg(Pt a, Pt b, Pt p) {
    return min(a.x, b.x) <= p.x && p.x <= max(a.x, b.x) &&
           min(a.y, b.y) <= p.y && p.y <= max(a.y, b.y);
}

bool intersect(Pt a, Pt b, Pt c, Pt d) {
    int o1 = orient(a, b, c), o2 = orient(a, b, d);
    int o3 = orient(c, d, a), o4 = orient(c, d, b);
    if (o1 * o2 < 0 && o3 * o4 < 0) return true;
    if (o1 == 0 && onSeg(a, b, c)) return true;
    if (o2 == 0 && onSeg(a, b, d)) return true;
    if (o3 == 0 && onSeg(c, d, a)) return true;
    if (o4 == 0 && onSeg(c, d, b)) return true;
    return false;
}

int main() {
    int W, P;
    scanf("%d %d", &W, &P);
    Pt t;
    scanf("%lld %lld", &t.x, &t.y);
    vector<Pt> wa(W), wb(W);
    for (int i = 0; i < W; i++) scanf("%lld %lld %lld %lld", &wa[i].x, &wa[i].y, &wb[i].x, &wb[i].y);
    vector<Pt> p(P), q(P);
    for (int i = 0; i < P; i++) scanf("%lld %lld %lld %lld", &p[i].x, &p[i].y, &q[i].x, &q[i].y);
    for (int i = 0; i < P; i++) {
        L dx = t.x - p[i].x, dy = t.y - p[i].y;
        L rx = q[i].x - p[i].x, ry = q[i].y - p[i].y;
        bool vis = dx * dx + dy * dy < rx * rx + ry * ry && dx * rx + dy * ry >= 0;
        for (int j = 0; vis && j < W; j++)
            if (intersect(p[i], t, wa[j], wb[j])) vis = false;
        for (int j = 0; vis && j < P; j++)
            if (j != i && orient(p[i], t, p[j]) == 0 && onSeg(p[i], t, p[j])) vis = false;
        puts(vis ? "visible" : "not visible");
    }
}
