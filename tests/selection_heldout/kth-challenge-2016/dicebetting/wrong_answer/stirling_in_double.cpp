// Mistake: counts outcomes with Stirling numbers and s^n stored as doubles; both overflow to inf for large n, giving nan.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, s, k;
    cin >> n >> s >> k;
    vector<double> S(s + 1, 0.0);
    S[0] = 1.0;
    for (int i = 1; i <= n; i++) {
        for (int j = min(i, s); j >= 1; j--) S[j] = j * S[j] + S[j - 1];
        S[0] = 0.0;
    }
    double total = pow((double)s, n);
    double ans = 0, falling = 1;
    for (int j = 1; j <= s; j++) {
        falling *= s - j + 1;
        if (j >= k) ans += falling * S[j] / total;
    }
    printf("%.10f\n", ans);
}
