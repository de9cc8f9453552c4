#include <cstdio>
int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    double total = 0;
    for (int i = 0; i < n; i++) {
        double q, y;
        scanf("%lf %lf", &q, &y);
        total += q * y;
    }
    printf("%.6f\n", total);
}
