#include <cstdio>
int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    short total = 0;
    int start = 0;
    for (int i = 0; i < n; i++) {
        int t;
        scanf("%d", &t);
        if (i % 2 == 0) start = t; else total += t - start;
    }
    if (n % 2) printf("still running\n"); else printf("%d\n", total);
}
