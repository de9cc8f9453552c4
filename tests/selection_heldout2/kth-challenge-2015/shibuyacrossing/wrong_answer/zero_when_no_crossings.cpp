// Mistake: answer is only built from crossing pairs, so with no crossings it prints 0 instead of 1.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    vector<vector<int>> lower(n + 1);
    for (int k = 0; k < m; k++) {
        int a, b;
        scanf("%d %d", &a, &b);
        lower[b].push_back(a);
    }
    vector<int> dp(n + 1, 1);
    int best = 0;
    for (int i = 1; i <= n; i++)
        for (int j : lower[i]) {
            dp[i] = max(dp[i], dp[j] + 1);
            best = max(best, dp[i]);
        }
    printf("%d\n", best);
}
