#include <bits/stdc++.h>
using namespace std;

struct V { double x, y; };
V operator-(V a, V b) { return {a.x - b.x, a.y - b.y}; }
double cr(V a, V b) { return a.x * b.y - a.y * b.x; }
double dt(V a, V b) { return a.x * b.x + a.y * b.y; }

int sgn(double v) { return v > 0 ? 1 : (v < 0 ? -1 : 0); }

bool onSeg(V a, V b, V p) {
    return sgn(cr(b - a, p - a)) == 0 && dt(p - a, p - b) <= 0;
}

bool inter(V a, V b, V c, V d) {
    int o1 = sgn(cr(b - a, c - a)), o2 = sgn(cr(b - a, d - a));
    int o3 = sgn(cr(d - c, a - c)), o4 = sgn(cr(d - c, b - c));
    if (o1 * o2 < 0 && o3 * o4 < 0) return true;
    return onSeg(a, b, c) || onSeg(a, b, d) || onSeg(c, d, a) || onSeg(c, d, b);
}

int main() {
    int w, n;
    scanf("%d %d", &w, &n);
    V t;
    scanf("%lf %lf", &t.x, &t.y);
    vector<V> a(w), b(w), p(n), f(n);
    for (int i = 0; i < w; i++) scanf("%lf %lf %lf %lf", &a[i].x, &a[i].y, &b[i].x, &b[i].y);
    for (int i = 0; i < n; i++) scanf("%lf %lf %lf %lf", &p[i].x, &p[i].y, &f[i].x, &f[i].y);
    for (int i = 0; i < n; i++) {
        V d = t - p[i], r = f[i] - p[i];
        bool ok = sqrt(dt(d, d)) <= sqrt(dt(r, r)) && dt(d, r) >= 0;
        for (int j = 0; ok && j < w; j++) if (inter(p[i], t, a[j], b[j])) ok = false;
        for (int j = 0; ok && j < n; j++) if (j != i && onSeg(p[i], t, p[j])) ok = false;
        puts(ok ? "visible" : "not visible");
    }
}
