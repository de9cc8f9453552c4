#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

struct P { ll x, y; };

int ccw(P a, P b, P c) {
    __int128 v = (__int128)(b.x - a.x) * (c.y - a.y) - (__int128)(b.y - a.y) * (c.x - a.x);
    if (v > 0) return 1;
    if (v < 0) return -1;
    return 0;
}

bool segInter(P a, P b, P c, P d) {
    return ccw(a, b, c) * ccw(a, b, d) <= 0 && ccw(c, d, a) * ccw(c, d, b) <= 0;
}

int main() {
    int w, n;
    cin >> w >> n;
    P t;
    cin >> t.x >> t.y;
    vector<P> a(w), b(w);
    for (int i = 0; i < w; i++) cin >> a[i].x >> a[i].y >> b[i].x >> b[i].y;
    vector<P> p(n), f(n);
    for (int i = 0; i < n; i++) cin >> p[i].x >> p[i].y >> f[i].x >> f[i].y;
    for (int i = 0; i < n; i++) {
        __int128 dx = t.x - p[i].x, dy = t.y - p[i].y;
        __int128 fx = f[i].x - p[i].x, fy = f[i].y - p[i].y;
        bool ok = dx * dx + dy * dy <= fx * fx + fy * fy && dx * fx + dy * fy >= 0;
        for (int j = 0; j < w && ok; j++)
            if (segInter(p[i], t, a[j], b[j])) ok = false;
        for (int j = 0; j < n && ok; j++) {
            if (j == i) continue;
            if (ccw(p[i], t, p[j]) == 0 &&
                min(p[i].x, t.x) <= p[j].x && p[j].x <= max(p[i].x, t.x) &&
                min(p[i].y, t.y) <= p[j].y && p[j].y <= max(p[i].y, t.y))
                ok = false;
        }
        cout << (ok ? "visible" : "not visible") << "\n";
    }
}
