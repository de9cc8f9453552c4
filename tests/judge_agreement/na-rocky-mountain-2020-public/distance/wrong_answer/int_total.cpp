// Keeps the total in a 32-bit int.
#include <algorithm>
#include <cstdio>
#include <vector>
int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<long long> s(n), a(n);
    for (int i = 0; i < n; i++) std::scanf("%lld %lld", &s[i], &a[i]);
    std::sort(s.begin(), s.end());
    std::sort(a.begin(), a.end());
    int total = 0;
    for (int i = 0; i < n; i++) total += (s[i] + a[i]) * (2 * i - n + 1);
    std::printf("%d\n", total);
}
