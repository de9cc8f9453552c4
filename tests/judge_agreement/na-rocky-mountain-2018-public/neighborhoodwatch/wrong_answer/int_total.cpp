// The accepted sweep with a 32-bit total: up to N(N+1)/2 = 2e10.
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
    int total = 0, last = 0;
    for (int j = 1; j <= n; j++) {
        if (watch[j]) last = j;
        total += last;
    }
    std::printf("%d\n", total);
}
