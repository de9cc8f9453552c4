// Mistake: stores everything in 32-bit float; summing 10000 layers loses more than 1e-6 relative precision.
#include <bits/stdc++.h>
using namespace std;
int main() {
    float xs, ys, xf, yf;
    int n;
    cin >> xs >> ys >> xf >> yf >> n;
    vector<float> b(n + 1), v(n), h(n);
    b[0] = ys;
    for (int i = 1; i < n; i++) cin >> b[i];
    b[n] = yf;
    for (int i = 0; i < n; i++) cin >> v[i];
    float vmax = 0;
    for (int i = 0; i < n; i++) { h[i] = b[i + 1] - b[i]; vmax = max(vmax, v[i]); }
    float D = fabsf(xf - xs);
    auto cosi = [&](int i, float c) { float r = v[i] / vmax; return sqrtf(1 - r * r + r * r * c * c); };
    auto reach = [&](float th) {
        float x = 0;
        for (int i = 0; i < n; i++) x += h[i] * (v[i] / vmax) * sinf(th) / cosi(i, cosf(th));
        return x;
    };
    float lo = 0, hi = acosf(-1) / 2;
    for (int it = 0; it < 100; it++) {
        float mid = (lo + hi) / 2;
        if (reach(mid) < D) lo = mid; else hi = mid;
    }
    float c = cosf((lo + hi) / 2), T = 0;
    for (int i = 0; i < n; i++) T += h[i] / (v[i] * cosi(i, c));
    printf("%.10f\n", T);
}
