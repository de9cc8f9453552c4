#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
int main() {
    int n;
    scanf("%d", &n);
    vector<ll> t(n);
    vector<int> c(n), done(n, 0);
    vector<ll> ans(n, 0);
    for (int i = 0; i < n; i++) scanf("%lld %d", &t[i], &c[i]);
    map<ll, vector<int>> ev;
    for (int i = 0; i < n; i++) ev[0].push_back(i);
    // the car directly in front: the slowest one of the last group that crossed the line
    ll frontFinish = 0;
    while (!ev.empty()) {
        auto it = ev.begin();
        ll s = it->first;
        vector<int> grp = move(it->second);
        ev.erase(it);
        sort(grp.begin(), grp.end());
        ll lastNat = -1;
        for (int i : grp) {
            if (s > 0) {
                done[i]++;
                if (done[i] == c[i]) { ans[i] = s; continue; }
            }
            ll f = max(s + t[i], frontFinish);
            ev[f].push_back(i);
            lastNat = max(lastNat, s + t[i]);
        }
        if (lastNat >= 0) frontFinish = lastNat;
    }
    for (int i = 0; i < n; i++) printf("%lld\n", ans[i]);
}
