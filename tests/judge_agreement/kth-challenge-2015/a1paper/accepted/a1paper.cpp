#include <cmath>
#include <cstdio>
#include <vector>
int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<long long> have(n + 1, 0);
    for (int i = 2; i <= n; i++) std::scanf("%lld", &have[i]);
    // Find the largest size needed first, then sum the joins of all sheets up to it.
    long long need = 2;
    int last = -1;
    for (int i = 2; i <= n; i++) {
        if (have[i] >= need) { last = i; break; }
        need = 2 * (need - have[i]);
    }
    if (last < 0) { std::puts("impossible"); return 0; }
    double tape = 0, side = std::pow(2.0, -0.75);
    need = 2;
    for (int i = 2; i <= last; i++) {
        tape += need / 2 * side;
        side /= std::sqrt(2.0);
        need = 2 * (need - have[i]);
    }
    std::printf("%.9f\n", tape);
}
