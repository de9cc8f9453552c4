// Too slow: tracks the ATG count all the way up to n (up to 10^6) instead of capping it at |S|.
// State: position in S, letters already in the current block (0..2), whether they spell a prefix of ATG,
// and the number of ATG blocks so far (capped at min(n,|S|)); extra ATGs are inserted whole for 3 each.
#include <bits/stdc++.h>
using namespace std;
int main() {
    long long n;
    string s;
    cin >> n >> s;
    int L = s.size();
    int J = (int)n;  // counts every block, no cap
    const int INF = 1e9;
    const char *atg = "ATG";
    // dp[p][ok][j]
    auto make = [&]() { return vector<vector<vector<int>>>(3, vector<vector<int>>(2, vector<int>(J + 1, INF))); };
    auto dp = make();
    dp[0][1][0] = 0;
    long long best = LLONG_MAX;
    for (int i = 0; i <= L; i++) {
        // insertions at this position (cost 1 each, letter chosen freely)
        for (int j = 0; j <= J; j++)
            for (int pass = 0; pass < 3; pass++)
                for (int p = 0; p < 3; p++)
                    for (int ok = 0; ok < 2; ok++) {
                        int v = dp[p][ok][j];
                        if (v >= INF) continue;
                        if (p < 2) {
                            dp[p + 1][ok][j] = min(dp[p + 1][ok][j], v + 1);
                        } else {
                            int jj = ok ? min(j + 1, J) : j;
                            dp[0][1][jj] = min(dp[0][1][jj], v + 1);
                        }
                    }
        for (int p = 0; p < 3; p++)
            for (int ok = 0; ok < 2; ok++)
                for (int j = 0; j <= J; j++)
                    if (dp[p][ok][j] < INF) best = min(best, dp[p][ok][j] + 3 * (n - j));
        if (i == L) break;
        auto nd = make();
        for (int p = 0; p < 3; p++)
            for (int ok = 0; ok < 2; ok++)
                for (int j = 0; j <= J; j++) {
                    int v = dp[p][ok][j];
                    if (v >= INF) continue;
                    int nok = ok && s[i] == atg[p];
                    if (p < 2) {
                        nd[p + 1][nok][j] = min(nd[p + 1][nok][j], v);
                    } else {
                        int jj = nok ? min(j + 1, J) : j;
                        nd[0][1][jj] = min(nd[0][1][jj], v);
                    }
                }
        dp = nd;
    }
    cout << best << '\n';
}
