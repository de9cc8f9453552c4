// Checks every prefix on its own (|C_k - k*D| < 1) instead of one common offset for all poles.
#include <cmath>
#include <cstdio>
int main() {
    double d;
    int n;
    std::scanf("%lf %d", &d, &n);
    long long c = 0;
    bool ok = true;
    for (int k = 1; k <= n; k++) {
        int steps;
        std::scanf("%d", &steps);
        c += steps;
        if (std::fabs(c - k * d) >= 1) ok = false;
    }
    std::puts(ok ? "possible" : "impossible");
}
