// Sums the tape in single precision.
#include <cmath>
#include <cstdio>
int main() {
    int n;
    std::scanf("%d", &n);
    long long need = 2;
    float tape = 0, side = std::pow(2.0f, -0.75f);
    for (int i = 2; i <= n; i++) {
        long long have;
        std::scanf("%lld", &have);
        if (need == 0) continue;
        tape += need / 2 * side;
        side /= std::sqrt(2.0f);
        need = have >= need ? 0 : 2 * (need - have);
    }
    if (need) std::puts("impossible");
    else std::printf("%.9f\n", tape);
}
