// long long totals, but gap * (gap + 1) and n * (n + 1) are computed in int.
#include <cstdio>
int main() {
    int n, k;
    std::scanf("%d %d", &n, &k);
    long long unsafe = 0;
    int prev = 0;
    for (int i = 0; i <= k; i++) {
        int h = n + 1;
        if (i < k) std::scanf("%d", &h);
        int gap = h - prev - 1;
        unsafe += gap * (gap + 1) / 2;
        prev = h;
    }
    long long all = n * (n + 1) / 2;
    std::printf("%lld\n", all - unsafe);
}
