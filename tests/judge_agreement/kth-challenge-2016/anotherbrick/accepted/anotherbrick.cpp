// Every layer boundary k*w (k = 1..h) must be a prefix sum of the brick lengths.
#include <cstdio>
#include <set>
int main() {
    int h, w, n;
    std::scanf("%d %d %d", &h, &w, &n);
    std::set<long long> prefix;
    long long s = 0;
    for (int i = 0; i < n; i++) {
        int x;
        std::scanf("%d", &x);
        s += x;
        prefix.insert(s);
    }
    bool ok = true;
    for (int k = 1; k <= h; k++) ok = ok && prefix.count((long long)k * w);
    std::puts(ok ? "YES" : "NO");
}
