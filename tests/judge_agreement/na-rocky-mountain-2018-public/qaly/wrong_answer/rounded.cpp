// Rounds to whole years: off by more than 1e-3 almost always.
#include <cstdio>
int main() {
    int n;
    std::scanf("%d", &n);
    double total = 0;
    for (int i = 0; i < n; i++) {
        double q, y;
        std::scanf("%lf %lf", &q, &y);
        total += q * y;
    }
    std::printf("%.0f\n", total);
}
