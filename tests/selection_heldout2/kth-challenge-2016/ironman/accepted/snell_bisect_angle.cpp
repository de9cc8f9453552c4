#include <bits/stdc++.h>
using namespace std;
typedef long double ld;
int main() {
    ld xs, ys, xf, yf;
    int n;
    cin >> xs >> ys >> xf >> yf >> n;
    vector<ld> b(n + 1), v(n), h(n);
    b[0] = ys;
    for (int i = 1; i < n; i++) cin >> b[i];
    b[n] = yf;
    for (int i = 0; i < n; i++) cin >> v[i];
    ld vmax = 0;
    for (int i = 0; i < n; i++) { h[i] = b[i + 1] - b[i]; vmax = max(vmax, v[i]); }
    vector<ld> r(n), r2c(n);
    for (int i = 0; i < n; i++) { r[i] = v[i] / vmax; r2c[i] = 1 - r[i] * r[i]; }
    ld D = fabsl(xf - xs);
    // theta = angle from vertical in the fastest layer; Snell: sin(t_i) = r_i sin(theta)
    auto cosi = [&](int i, ld s, ld c) { return sqrtl(r2c[i] + r[i] * r[i] * c * c); };
    auto reach = [&](ld th) {
        ld s = sinl(th), c = cosl(th), x = 0;
        for (int i = 0; i < n; i++) x += h[i] * r[i] * s / cosi(i, s, c);
        return x;
    };
    ld lo = 0, hi = acosl(-1) / 2;
    for (int it = 0; it < 200; it++) {
        ld mid = (lo + hi) / 2;
        if (reach(mid) < D) lo = mid; else hi = mid;
    }
    ld th = (lo + hi) / 2, s = sinl(th), c = cosl(th), T = 0;
    for (int i = 0; i < n; i++) T += h[i] / (v[i] * cosi(i, s, c));
    printf("%.10Lf\n", T);
}
