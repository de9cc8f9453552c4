// Binary search on the finishing time T: feasible iff the long slots fit (M * floor(T/Q) >= L)
// and the time left over on all machines holds the short ones.
#include <cstdio>
int main() {
    long long q, m, s, l;
    std::scanf("%lld %lld %lld %lld", &q, &m, &s, &l);
    long long lo = 0, hi = l * q + s;
    while (lo < hi) {
        long long t = (lo + hi) / 2;
        if (m * (t / q) >= l && m * t - l * q >= s) hi = t;
        else lo = t + 1;
    }
    std::printf("%lld\n", lo);
}
