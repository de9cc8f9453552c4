// Sums into a long long, but x * (2i - n + 1) is computed in int first.
#include <algorithm>
#include <cstdio>
#include <vector>
int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<int> s(n), a(n);
    for (int i = 0; i < n; i++) std::scanf("%d %d", &s[i], &a[i]);
    std::sort(s.begin(), s.end());
    std::sort(a.begin(), a.end());
    long long total = 0;
    for (int i = 0; i < n; i++) total += s[i] * (2 * i - n + 1) + a[i] * (2 * i - n + 1);
    std::printf("%lld\n", total);
}
