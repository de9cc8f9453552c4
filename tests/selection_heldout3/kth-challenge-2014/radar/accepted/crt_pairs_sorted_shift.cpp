#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

ll power(ll b, ll e, ll m) {
    ll r = 1 % m; b %= m;
    while (e) { if (e & 1) r = r * b % m; b = b * b % m; e >>= 1; }
    return r;
}

vector<ll> residues(ll m, ll x, ll y) {
    vector<ll> r;
    if (2 * y + 1 >= m) {
        for (ll i = 0; i < m; i++) r.push_back(i);
    } else {
        for (ll t = -y; t <= y; t++) r.push_back(((x + t) % m + m) % m);
    }
    return r;
}

int main() {
    ll m[3], x[3], y[3];
    for (int i = 0; i < 3; i++) cin >> m[i];
    for (int i = 0; i < 3; i++) cin >> x[i];
    for (int i = 0; i < 3; i++) cin >> y[i];
    vector<ll> s1 = residues(m[0], x[0], y[0]);
    vector<ll> s2 = residues(m[1], x[1], y[1]);
    vector<ll> s3 = residues(m[2], x[2], y[2]);
    ll m1 = m[0], m2 = m[1], m3 = m[2];
    ll M12 = m1 * m2;
    ll inv1 = power(m1 % m2, m2 - 2, m2);      // m1^-1 mod m2
    ll invM = power(M12 % m3, m3 - 2, m3);     // (m1 m2)^-1 mod m3
    // k such that z12 + k*M12 == r (mod m3): k = (r - z12) * invM
    vector<ll> T;
    for (ll r : s3) T.push_back(r * invM % m3);
    sort(T.begin(), T.end());
    ll best = LLONG_MAX;
    for (ll r1 : s1) {
        for (ll r2 : s2) {
            ll d = ((r2 - r1) % m2 + m2) % m2;
            ll z12 = r1 + m1 * (d * inv1 % m2);
            ll c = (m3 - (z12 % m3) * invM % m3) % m3;
            // minimise (t + c) mod m3 over t in T
            ll k;
            auto it = lower_bound(T.begin(), T.end(), m3 - c);
            if (it != T.end()) k = *it + c - m3;
            else k = T[0] + c;
            ll z = z12 + k * M12;
            if (z < best) best = z;
        }
    }
    cout << best << endl;
}
