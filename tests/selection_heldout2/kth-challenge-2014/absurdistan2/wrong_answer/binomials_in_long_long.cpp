// Mistake: Pascal's triangle of binomials kept in long long, which overflows once N exceeds about 67.
#include <bits/stdc++.h>
using namespace std;
typedef long double ld;
int main() {
    int n;
    cin >> n;
    vector<vector<long long>> C(n + 1, vector<long long>(n + 1, 0));
    for (int i = 0; i <= n; i++) {
        C[i][0] = 1;
        for (int j = 1; j <= i; j++) C[i][j] = C[i - 1][j - 1] + C[i - 1][j];
    }
    auto freeMaps = [](int m) -> ld { return m == 0 ? 1.0L : powl((ld)(m - 1), (ld)m); };
    vector<ld> conn(n + 1, 0);
    for (int m = 1; m <= n; m++) {
        ld v = freeMaps(m);
        for (int s = 1; s < m; s++) v -= C[m - 1][s - 1] * conn[s] * freeMaps(m - s);
        conn[m] = v;
    }
    printf("%.12Lf\n", conn[n] / freeMaps(n));
}
