#include <bits/stdc++.h>
using namespace std;
typedef unsigned long long ull;
int main() {
    int n;
    ull k;
    cin >> n >> k;
    const ull LIM = 2000000000000000000ULL;
    vector<ull> fact(n, 1);
    for (int r = 1; r < n; r++) {
        if (fact[r - 1] > LIM / r) fact[r] = LIM;
        else fact[r] = fact[r - 1] * r;
    }
    vector<bool> used(n, false);
    used[0] = true;
    int s = 0;
    k--;  // 0-based rank
    for (int i = 1; i < n; i++) {
        ull cnt = fact[n - 1 - i];
        for (int a = 1; a < n; a++) {
            int t = (s + a) % n;
            if (used[t]) continue;
            if (k < cnt) {
                printf("%d%c", a, i == n - 1 ? '\n' : ' ');
                used[t] = true;
                s = t;
                break;
            }
            k -= cnt;
        }
    }
}
