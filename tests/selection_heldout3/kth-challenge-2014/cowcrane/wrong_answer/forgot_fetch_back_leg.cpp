#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
bool check(ll a, ll A, ll ta, ll b, ll B, ll tb) {
    ll t1 = llabs(a) + llabs(a - A);
    ll t2 = t1 + llabs(A - b) + llabs(b - B);
    if (t1 <= ta && t2 <= tb) return true;
    // carry a to b, leave it there, take b to B, then bring a home
    ll tB = llabs(a) + llabs(a - b) + llabs(b - B);
    ll tA = tB + llabs(B - A);
    return tB <= tb && tA <= ta;
}
int main() {
    ll m, l, M, L, tm, tl;
    cin >> m >> l >> M >> L >> tm >> tl;
    bool ok = check(m, M, tm, l, L, tl) || check(l, L, tl, m, M, tm);
    cout << (ok ? "possible" : "impossible") << endl;
}
