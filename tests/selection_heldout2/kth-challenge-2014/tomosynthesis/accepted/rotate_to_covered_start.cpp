#include <bits/stdc++.h>
using namespace std;
typedef long double ld;
int main() {
    int n;
    cin >> n;
    vector<ld> x(n), y(n), r(n);
    for (int i = 0; i < n; i++) cin >> x[i] >> y[i] >> r[i];
    const ld PI = acosl(-1);
    vector<pair<ld, ld>> iv;  // (start, length), start in [0, PI)
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            ld dx = x[j] - x[i], dy = y[j] - y[i];
            ld d = sqrtl(dx * dx + dy * dy);
            ld a = asinl(min((ld)1, (r[i] + r[j]) / d));
            ld phi = atan2l(dy, dx);
            ld s = fmodl(phi - a, PI);
            if (s < 0) s += PI;
            iv.push_back({s, 2 * a});
        }
    // rotate so that angle 0 is the start of the interval; sweep from a covered point
    // pick origin = start of interval 0, express every start relative to it in [0, PI)
    ld o = iv[0].first;
    vector<pair<ld, ld>> v;
    for (auto [s, len] : iv) {
        ld t = fmodl(s - o, PI);
        if (t < 0) t += PI;
        v.push_back({t, t + len});
    }
    sort(v.begin(), v.end());
    // the point 0 (relative) is covered; intervals wrapping past PI cover [0, e-PI)
    ld wrapCover = 0;
    for (auto [s, e] : v) wrapCover = max(wrapCover, e - PI);
    ld best = 0, reach = v[0].second;
    for (size_t k = 1; k < v.size(); k++) {
        if (v[k].first > reach) {
            // gap (reach, v[k].first); remove part covered by wrapped intervals
            ld gs = max(reach, wrapCover);
            if (v[k].first > gs) best = max(best, v[k].first - gs);
        }
        reach = max(reach, v[k].second);
    }
    if (reach < PI) {
        // final gap (reach, PI) -- wrapCover is at most reach - PI < 0 here
        best = max(best, PI - reach);
    }
    printf("%.10Lf\n", best);
}
