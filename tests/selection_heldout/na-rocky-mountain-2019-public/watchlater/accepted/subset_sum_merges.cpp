// Bitmask DP over the set of types already watched. Compress runs; for two consecutive runs of type t
// with type set B between them, they merge into one click iff every type in B was watched before t.
// merges[t][W] = #pairs of t with B subset of W, computed by a sum-over-subsets transform.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, k;
    string s;
    cin >> n >> k >> s;
    map<char, int> id;
    for (char ch : s)
        if (!id.count(ch)) { int v = id.size(); id[ch] = v; }
    k = id.size();
    vector<int> a;
    for (char ch : s) {
        int v = id[ch];
        if (a.empty() || a.back() != v) a.push_back(v);
    }
    int F = 1 << k;
    vector<int> cnt(k, 0);
    vector<vector<unsigned short>> mg(k, vector<unsigned short>(F, 0));
    vector<int> last(k, -1);
    for (int i = 0; i < (int)a.size(); i++) {
        int t = a[i];
        cnt[t]++;
        if (last[t] >= 0) {
            int B = 0;
            for (int j = last[t] + 1; j < i; j++) B |= 1 << a[j];
            mg[t][B]++;
        }
        last[t] = i;
    }
    for (int t = 0; t < k; t++)
        for (int b = 0; b < k; b++)
            for (int m = 0; m < F; m++)
                if (m >> b & 1) mg[t][m] += mg[t][m ^ (1 << b)];
    vector<int> dp(F, INT_MAX);
    dp[0] = 0;
    for (int W = 0; W < F; W++) {
        if (dp[W] == INT_MAX) continue;
        for (int t = 0; t < k; t++) {
            if (W >> t & 1) continue;
            int c = dp[W] + cnt[t] - mg[t][W];
            int nw = W | (1 << t);
            if (c < dp[nw]) dp[nw] = c;
        }
    }
    cout << dp[F - 1] << '\n';
}
