// DP over the number of distinct values seen so far, with the state k absorbing.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, s, k;
    cin >> n >> s >> k;
    vector<double> dp(k + 1, 0.0), nd(k + 1);
    dp[0] = 1.0;
    for (int i = 0; i < n; i++) {
        fill(nd.begin(), nd.end(), 0.0);
        for (int j = 0; j <= k; j++) {
            if (dp[j] == 0) continue;
            if (j == k) { nd[k] += dp[j]; continue; }
            nd[j] += dp[j] * j / s;
            nd[j + 1] += dp[j] * (s - j) / s;
        }
        swap(dp, nd);
    }
    printf("%.12f\n", dp[k]);
}
