// Mistake: records only the type right before each run as "between", not every type in the gap.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, k;
    string s;
    cin >> n >> k >> s;
    int idmap[26];
    fill(idmap, idmap + 26, -1);
    int K = 0;
    for (char ch : s)
        if (idmap[ch - 'a'] < 0) idmap[ch - 'a'] = K++;
    vector<int> a;
    for (char ch : s) {
        int v = idmap[ch - 'a'];
        if (a.empty() || a.back() != v) a.push_back(v);
    }
    vector<int> cnt(K, 0);
    vector<vector<int>> between(K);  // for each pair of consecutive runs of t: types strictly between
    vector<int> last(K, -1);
    for (int i = 0; i < (int)a.size(); i++) {
        int t = a[i];
        cnt[t]++;
        if (last[t] >= 0) {
            int B = 1 << a[i - 1];  // type just before this run
            between[t].push_back(B);
        }
        last[t] = i;
    }
    int F = 1 << K;
    vector<int> dp(F, INT_MAX);
    dp[0] = 0;
    for (int W = 0; W < F; W++) {
        int d = dp[W];
        for (int t = 0; t < K; t++) {
            if (W >> t & 1) continue;
            int runs = cnt[t];
            for (int B : between[t])
                if ((B & ~W) == 0) runs--;
            int nw = W | (1 << t);
            if (d + runs < dp[nw]) dp[nw] = d + runs;
        }
    }
    cout << dp[F - 1] << '\n';
}
