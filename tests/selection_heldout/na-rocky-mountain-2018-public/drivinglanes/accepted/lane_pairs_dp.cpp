#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
int main() {
    int n, m;
    ll k, r;
    cin >> n >> m >> k >> r;
    vector<ll> len(n), s(n), c(n);
    for (auto &x : len) cin >> x;
    for (int i = 0; i + 1 < n; i++) cin >> s[i] >> c[i];
    const ll INF = LLONG_MAX / 4;
    vector<ll> dp(m + 1, INF);
    dp[1] = 0;
    for (int i = 0; i < n; i++) {
        vector<ll> nd(m + 1, INF);
        for (int a = 1; a <= m; a++) {
            if (dp[a] >= INF) continue;
            for (int b = 1; b <= m; b++) {
                ll ch = abs(a - b);
                if (ch * k > len[i]) continue;
                ll cost = dp[a] + len[i] + ch * r;
                if (i + 1 < n) cost += s[i] + c[i] * b;
                nd[b] = min(nd[b], cost);
            }
        }
        dp = nd;
    }
    cout << dp[1] << '\n';
}
