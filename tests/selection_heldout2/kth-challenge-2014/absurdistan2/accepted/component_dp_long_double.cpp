// conn[m] = (m-1)^m - sum_{s<m} C(m-1, s-1) conn[s] (m-s-1)^(m-s)
// (vertex 1's component has size s; the rest is any fixed-point-free map).
#include <bits/stdc++.h>
using namespace std;
typedef long double ld;
int main() {
    int n;
    cin >> n;
    vector<vector<ld>> C(n + 1, vector<ld>(n + 1, 0));
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
