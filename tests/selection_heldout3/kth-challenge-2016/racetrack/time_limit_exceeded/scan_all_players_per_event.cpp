#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
int main() {
    int n;
    scanf("%d", &n);
    vector<ll> t(n), nxt(n), ans(n, 0);
    vector<int> c(n), done(n, 0);
    vector<bool> active(n, true);
    for (int i = 0; i < n; i++) scanf("%lld %d", &t[i], &c[i]);
    for (int i = 0; i < n; i++) nxt[i] = 0;
    int left = n;
    while (left > 0) {
        ll s = LLONG_MAX;
        for (int i = 0; i < n; i++) if (active[i]) s = min(s, nxt[i]);
        ll ahead = 0;
        for (int i = 0; i < n; i++) if (active[i] && nxt[i] != s) ahead = max(ahead, nxt[i]);
        for (int i = 0; i < n; i++) {
            if (!active[i] || nxt[i] != s) continue;
            if (s > 0) {
                done[i]++;
                if (done[i] == c[i]) { ans[i] = s; active[i] = false; left--; continue; }
            }
            nxt[i] = max(s + t[i], ahead);
        }
    }
    for (int i = 0; i < n; i++) printf("%lld\n", ans[i]);
}
