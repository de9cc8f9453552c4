// Mistake: measures each gap from the end of the previous interval in sorted order rather than from the furthest end seen so far.
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
            if (s < 0) s += PI;
            for (int k = -1; k <= 1; k++) iv.push_back({s + k * PI, s + 2 * a + k * PI});
        }
    sort(iv.begin(), iv.end());
    double best = 0;
    for (size_t k = 1; k < iv.size(); k++) {
        double prevEnd = iv[k - 1].second;
        if (iv[k].first > prevEnd && prevEnd >= 0 && iv[k].first <= 2 * PI) best = max(best, iv[k].first - prevEnd);
    }
    printf("%.10f\n", best);
}
