// The accepted binary search, in 32-bit ints: M * T overflows.
#include <cstdio>
int main() {
    int q, m, s, l;
    std::scanf("%d %d %d %d", &q, &m, &s, &l);
    int lo = 0, hi = l * q + s;
    while (lo < hi) {
        int t = lo + (hi - lo) / 2;
        if (m * (t / q) >= l && m * t - l * q >= s) hi = t;
        else lo = t + 1;
    }
    std::printf("%d\n", lo);
}
