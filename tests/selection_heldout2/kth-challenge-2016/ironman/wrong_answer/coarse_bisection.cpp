// Mistake: stops the bisection on the angle once the interval is below 1e-6, which is too coarse for a 1e-6 answer tolerance.
#include <bits/stdc++.h>
using namespace std;
int main() {
    double xs, ys, xf, yf;
    int n;
    cin >> xs >> ys >> xf >> yf >> n;
    vector<double> b(n + 1), v(n), h(n);
    b[0] = ys;
    for (int i = 1; i < n; i++) cin >> b[i];
    b[n] = yf;
    for (int i = 0; i < n; i++) cin >> v[i];
    double vmax = 0;
    for (int i = 0; i < n; i++) { h[i] = b[i + 1] - b[i]; vmax = max(vmax, v[i]); }
    double D = fabs(xf - xs);
    auto cosi = [&](int i, double c) { double r = v[i] / vmax; return sqrt(1 - r * r + r * r * c * c); };
    auto reach = [&](double th) {
        double x = 0;
        for (int i = 0; i < n; i++) x += h[i] * (v[i] / vmax) * sin(th) / cosi(i, cos(th));
        return x;
    };
    double lo = 0, hi = acos(-1) / 2;
    while (hi - lo > 1e-6) {
        double mid = (lo + hi) / 2;
        if (reach(mid) < D) lo = mid; else hi = mid;
    }
    double c = cos((lo + hi) / 2), T = 0;
    for (int i = 0; i < n; i++) T += h[i] / (v[i] * cosi(i, c));
    printf("%.10f\n", T);
}
