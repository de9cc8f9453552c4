// Mistake: runs the distinct-count DP in single-precision float, accumulating rounding errors over up to 10^4 throws.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, s, k;
    cin >> n >> s >> k;
    vector<float> dp(s + 1, 0.0f), nd(s + 1);
    dp[0] = 1.0f;
    for (int i = 0; i < n; i++) {
        fill(nd.begin(), nd.end(), 0.0f);
        for (int j = 0; j <= s; j++) {
            if (dp[j] == 0) continue;
            nd[j] += dp[j] * j / s;
            if (j < s) nd[j + 1] += dp[j] * (s - j) / s;
        }
        swap(dp, nd);
    }
    float ans = 0;
    for (int j = k; j <= s; j++) ans += dp[j];
    printf("%.10f\n", ans);
}
