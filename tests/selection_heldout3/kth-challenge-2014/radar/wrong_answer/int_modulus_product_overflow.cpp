#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int power(int b, int e, int m) {
    ll r = 1 % m, bb = b % m;
    while (e) { if (e & 1) r = r * bb % m; bb = bb * bb % m; e >>= 1; }
    return (int)r;
}

int main() {
    int m[3], x[3], y[3];
    for (int i = 0; i < 3; i++) scanf("%d", &m[i]);
    for (int i = 0; i < 3; i++) scanf("%d", &x[i]);
    for (int i = 0; i < 3; i++) scanf("%d", &y[i]);
    vector<int> s[3];
    for (int i = 0; i < 3; i++) {
        if (2 * y[i] + 1 >= m[i]) {
            for (int j = 0; j < m[i]; j++) s[i].push_back(j);
        } else {
            for (int t = -y[i]; t <= y[i]; t++) s[i].push_back(((x[i] + t) % m[i] + m[i]) % m[i]);
        }
    }
    int m1 = m[0], m2 = m[1], m3 = m[2];
    ll M12 = m1 * m2;
    int inv1 = power(m1 % m2, m2 - 2, m2);
    int invM = power((int)(M12 % m3), m3 - 2, m3);
    vector<int> T;
    for (int r : s[2]) T.push_back((int)((ll)r * invM % m3));
    sort(T.begin(), T.end());
    ll best = LLONG_MAX;
    for (int r1 : s[0]) {
        for (int r2 : s[1]) {
            int d = ((r2 - r1) % m2 + m2) % m2;
            ll z12 = r1 + (ll)m1 * ((ll)d * inv1 % m2);
            int c = (int)((m3 - (z12 % m3) * invM % m3) % m3);
            ll k;
            auto it = lower_bound(T.begin(), T.end(), m3 - c);
            if (it != T.end()) k = *it + c - m3;
            else k = T[0] + c;
            ll z = z12 + k * M12;
            best = min(best, z);
        }
    }
    printf("%lld\n", best);
}
