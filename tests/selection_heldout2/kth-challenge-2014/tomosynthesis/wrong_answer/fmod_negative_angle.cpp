// Mistake: normalises angles with fmod(x, pi), which stays negative for negative x, so intervals starting below 0 are never wrapped.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    vector<double> x(n), y(n), r(n);
    for (int i = 0; i < n; i++) cin >> x[i] >> y[i] >> r[i];
    const double PI = acos(-1.0);
    vector<pair<double, double>> iv;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            double dx = x[j] - x[i], dy = y[j] - y[i];
            double a = asin((r[i] + r[j]) / sqrt(dx * dx + dy * dy));
            double s = fmod(atan2(dy, dx) - a, PI);
            for (int k = -1; k <= 1; k++) iv.push_back({s + k * PI, s + 2 * a + k * PI});
        }
    sort(iv.begin(), iv.end());
    double best = 0, reach = iv[0].second;
    for (size_t k = 1; k < iv.size(); k++) {
        if (iv[k].first > reach && reach >= 0 && iv[k].first <= 2 * PI) best = max(best, iv[k].first - reach);
        reach = max(reach, iv[k].second);
    }
    printf("%.10f\n", best);
}
