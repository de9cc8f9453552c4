// Mistake: keeps factorials and k in double, which cannot represent k (up to 1e18) exactly.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    double k;
    cin >> n >> k;
    vector<double> fact(n, 1);
    for (int r = 1; r < n; r++) fact[r] = fact[r - 1] * r;
    vector<bool> used(n, false);
    used[0] = true;
    int s = 0;
    for (int i = 1; i < n; i++) {
        double cnt = fact[n - 1 - i];
        for (int a = 1; a < n; a++) {
            int t = (s + a) % n;
            if (used[t]) continue;
            if (k <= cnt) {
                printf("%d%c", a, i == n - 1 ? '\n' : ' ');
                used[t] = true;
                s = t;
                break;
            }
            k -= cnt;
        }
    }
}
