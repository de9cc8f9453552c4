#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
int main() {
    ll m, l, M, L, tm, tl;
    cin >> m >> l >> M >> L >> tm >> tl;
    bool ok = false;
    ll t1 = llabs(m) + llabs(m - M);
    ll t2 = t1 + llabs(M - l) + llabs(l - L);
    if (t1 <= tm && t2 <= tl) ok = true;
    // drop one cow at the other's spot, deliver the other, come back
    ll a[2] = {m, l}, A[2] = {M, L}, T[2] = {tm, tl};
    for (int k = 0; k < 2; k++) {
        ll x = a[k], X = A[k], tx = T[k];
        ll y = a[1 - k], Y = A[1 - k], ty = T[1 - k];
        ll ty_done = llabs(x) + llabs(x - y) + llabs(y - Y);
        ll tx_done = ty_done + llabs(Y - y) + llabs(y - X);
        if (ty_done <= ty && tx_done <= tx) ok = true;
    }
    cout << (ok ? "possible" : "impossible") << endl;
}
