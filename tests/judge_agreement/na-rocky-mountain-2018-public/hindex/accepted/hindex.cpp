#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>
int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<long long> c(n);
    for (auto &x : c) std::scanf("%lld", &x);
    std::sort(c.begin(), c.end(), std::greater<long long>());
    int h = 0;
    while (h < n && c[h] >= h + 1) h++;
    std::printf("%d\n", h);
}
