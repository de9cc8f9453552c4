// Doubled coordinates so all half-sizes are integers; time intervals as fractions compared by cross-multiplying.
#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
struct Frac { ll n, d; };  // d > 0
bool less_(Frac a, Frac b) { return a.n * b.d < b.n * a.d; }
int main() {
    ll T;
    cin >> T;
    ll P[2][2], V[2][2], H[2][2];
    for (int c = 0; c < 2; c++) {
        char d; ll x, y, s, w, l;
        cin >> d >> x >> y >> s >> w >> l;
        P[c][0] = 2 * x; P[c][1] = 2 * y;
        V[c][0] = V[c][1] = 0;
        if (d == 'N') V[c][1] = 2 * s;
        if (d == 'S') V[c][1] = -2 * s;
        if (d == 'E') V[c][0] = 2 * s;
        if (d == 'W') V[c][0] = -2 * s;
        if (d == 'N' || d == 'S') { H[c][0] = w; H[c][1] = l; }
        else { H[c][0] = l; H[c][1] = w; }
    }
    bool hasBound = false, ok = true;
    Frac lo{0, 1}, hi{0, 1};
    for (int a = 0; a < 2; a++) {
        ll p = P[1][a] - P[0][a], v = V[1][a] - V[0][a], D = H[0][a] + H[1][a];
        if (v == 0) { if (llabs(p) >= D) ok = false; continue; }
        Frac t1{-D - p, v}, t2{D - p, v};
        if (v < 0) { t1 = {p - D, -v}; t2 = {p + D, -v}; }
        if (!hasBound) { lo = t1; hi = t2; hasBound = true; }
        else { if (less_(lo, t1)) lo = t1; if (less_(t2, hi)) hi = t2; }
    }
    if (ok && hasBound) {
        Frac zero{0, 1}, tt{T, 1};
        ok = less_(lo, hi) && less_(lo, tt) && less_(zero, hi);
    }
    cout << (ok ? "crash" : "safe") << endl;
}
