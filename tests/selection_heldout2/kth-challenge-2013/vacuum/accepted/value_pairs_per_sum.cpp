#include <bits/stdc++.h>
using namespace std;
// For every sum s, value pairs {a, s-a} are pairwise value-disjoint, so a fixed
// other pair can conflict with at most two of them: keeping 3 per sum suffices.
int cnt[10001];
int main() {
    int L1, L2, n;
    scanf("%d %d %d", &L1, &L2, &n);
    for (int i = 0; i < n; i++) { int x; scanf("%d", &x); cnt[x]++; }
    vector<int> vals;
    for (int v = 1; v <= 10000; v++) if (cnt[v]) vals.push_back(v);
    int S = max(L1, L2);
    vector<vector<pair<int,int>>> P(S + 1);
    for (size_t i = 0; i < vals.size(); i++)
        for (size_t j = i; j < vals.size(); j++) {
            int a = vals[i], b = vals[j];
            if (a + b > S) break;
            if (a == b && cnt[a] < 2) continue;
            if (P[a + b].size() < 3) P[a + b].push_back({a, b});
        }
    auto ok = [&](pair<int,int> x, pair<int,int> y) {
        map<int,int> need;
        need[x.first]++; need[x.second]++; need[y.first]++; need[y.second]++;
        for (auto &kv : need) if (cnt[kv.first] < kv.second) return false;
        return true;
    };
    int best = -1;
    for (int s1 = L1; s1 >= 2; s1--) {
        if (P[s1].empty()) continue;
        if (s1 + L2 <= best) break;
        for (int s2 = L2; s2 >= 2; s2--) {
            if (s1 + s2 <= best) break;
            bool f = false;
            for (auto &x : P[s1]) { for (auto &y : P[s2]) if (ok(x, y)) { f = true; break; } if (f) break; }
            if (f) { best = s1 + s2; break; }
        }
    }
    if (best < 0) puts("Impossible"); else printf("%d\n", best);
}
