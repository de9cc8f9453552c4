// Tries every h from a huge bound downwards, one citation scan per h.
#include <cstdio>
#include <vector>
int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<long long> c(n);
    for (auto &x : c) std::scanf("%lld", &x);
    for (volatile long long h = 4000000000000000000LL; h >= 0; h--) {
        long long at_least = 0;
        for (long long x : c) at_least += x >= h;
        if (at_least >= h) { std::printf("%lld\n", (long long)h); return 0; }
    }
}
