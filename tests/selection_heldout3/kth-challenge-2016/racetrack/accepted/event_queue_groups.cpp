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
    deque<pair<ll, vector<int>>> q;
    vector<int> all(n);
    iota(all.begin(), all.end(), 0);
    q.push_back({0, all});
    ll G = 0;
    while (!q.empty()) {
        ll s = q.front().first;
        vector<int> grp = move(q.front().second);
        q.pop_front();
        sort(grp.begin(), grp.end());
        ll Gb = G;
        for (int i : grp) {
            if (s > 0) {
                done[i]++;
                if (done[i] == c[i]) { ans[i] = s; continue; }
            }
            ll f = max(s + t[i], Gb);
            if (!q.empty() && q.back().first == f) q.back().second.push_back(i);
            else q.push_back({f, vector<int>{i}});
            G = max(G, f);
        }
    }
    string out;
    for (int i = 0; i < n; i++) out += to_string(ans[i]) + "\n";
    fputs(out.c_str(), stdout);
}
