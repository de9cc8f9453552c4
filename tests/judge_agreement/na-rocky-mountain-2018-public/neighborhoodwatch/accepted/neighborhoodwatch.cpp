// For each right end j, the safe walks ending at j start anywhere up to the last watch house <= j.
#include <cstdio>
#include <vector>
int main() {
    int n, k;
    std::scanf("%d %d", &n, &k);
    std::vector<bool> watch(n + 1, false);
    for (int i = 0; i < k; i++) {
        int h;
        std::scanf("%d", &h);
        watch[h] = true;
    }
    long long total = 0, last = 0;
    for (int j = 1; j <= n; j++) {
        if (watch[j]) last = j;
        total += last;
    }
    std::printf("%lld\n", total);
}
