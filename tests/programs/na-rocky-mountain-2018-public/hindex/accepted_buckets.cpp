#include <cstdio>
#include <vector>
int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    std::vector<long long> bucket(n + 2, 0);
    for (int i = 0; i < n; i++) {
        long long c;
        scanf("%lld", &c);
        bucket[c > n ? n : c]++;
    }
    long long atLeast = 0;
    for (int h = n; h >= 0; h--) {
        atLeast += bucket[h];
        if (atLeast >= h) { printf("%d\n", h); return 0; }
    }
    printf("0\n");
}
