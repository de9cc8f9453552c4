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
    std::printf("%.6f\n", total);
}
