// Mistake: relaxes dp[b] = max(dp[b], dp[a] + 1) once per edge in INPUT order instead of in increasing person order.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    vector<int> dp(n + 1, 1);
    int best = 1;
    for (int k = 0; k < m; k++) {
        int a, b;
        scanf("%d %d", &a, &b);
        dp[b] = max(dp[b], dp[a] + 1);
        best = max(best, dp[b]);
    }
    printf("%d\n", best);
}
