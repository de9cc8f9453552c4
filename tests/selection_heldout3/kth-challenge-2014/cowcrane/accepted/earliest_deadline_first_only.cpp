#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
int main() {
    ll m, l, M, L, tm, tl;
    cin >> m >> l >> M >> L >> tm >> tl;
    ll a = m, A = M, ta = tm, b = l, B = L, tb = tl;
    if (tl < tm) { swap(a, b); swap(A, B); swap(ta, tb); }
    // cow a has the earlier meal, so it must be in place first
    bool ok = false;
    ll t1 = llabs(a) + llabs(a - A);
    ll t2 = t1 + llabs(A - b) + llabs(b - B);
    if (t1 <= ta && t2 <= tb) ok = true;
    // or take cow b along to a's spot first, deliver a, then finish b
    ll u1 = llabs(b) + llabs(b - a) + llabs(a - A);
    ll u2 = u1 + llabs(A - a) + llabs(a - B);
    if (u1 <= ta && u2 <= tb) ok = true;
    cout << (ok ? "possible" : "impossible") << endl;
}
