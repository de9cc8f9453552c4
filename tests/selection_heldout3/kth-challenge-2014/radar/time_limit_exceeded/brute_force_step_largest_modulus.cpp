#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

ll m[3], x[3], y[3];

bool ok(ll z, int i) {
    ll r = ((x[i] - z) % m[i] + m[i]) % m[i];
    return min(r, m[i] - r) <= y[i];
}

int main() {
    for (int i = 0; i < 3; i++) cin >> m[i];
    for (int i = 0; i < 3; i++) cin >> x[i];
    for (int i = 0; i < 3; i++) cin >> y[i];
    int b = 0;
    for (int i = 1; i < 3; i++) if (m[i] > m[b]) b = i;
    vector<ll> rs;
    if (2 * y[b] + 1 >= m[b]) { for (ll j = 0; j < m[b]; j++) rs.push_back(j); }
    else for (ll t = -y[b]; t <= y[b]; t++) rs.push_back(((x[b] + t) % m[b] + m[b]) % m[b]);
    sort(rs.begin(), rs.end());
    for (ll base = 0;; base += m[b]) {
        for (ll r : rs) {
            ll z = base + r;
            bool good = true;
            for (int i = 0; i < 3 && good; i++) if (!ok(z, i)) good = false;
            if (good) { cout << z << endl; return 0; }
        }
    }
}
