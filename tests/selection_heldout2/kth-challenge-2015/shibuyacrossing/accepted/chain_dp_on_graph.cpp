// In a permutation graph, a chain i1 < i2 < ... where consecutive people cross is a clique
// (crossing = inverted order, which is transitive), so longest such chain = max clique.
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
    int best = 1;
    for (int i = 1; i <= n; i++) {
        for (int j : lower[i]) dp[i] = max(dp[i], dp[j] + 1);
        best = max(best, dp[i]);
    }
    printf("%d\n", best);
}
