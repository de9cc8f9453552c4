#include <cstdio>
int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long long total = 0, start = 0;
    for (int i = 0; i < n; i++) {
        long long t;
        scanf("%lld", &t);
        if (i % 2 == 0) start = t; else total += t - start;
    }
    if (n % 2) printf("still running\n"); else printf("%lld\n", total);
}
