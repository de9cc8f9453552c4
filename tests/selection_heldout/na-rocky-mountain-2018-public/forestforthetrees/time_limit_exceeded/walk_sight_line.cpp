// Brute force: walks along the sight line one tree at a time until it leaves the rectangle (O(g) steps).
#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
int main() {
    ll xb, yb, x1, y1, x2, y2;
    cin >> xb >> yb >> x1 >> y1 >> x2 >> y2;
    ll g = __gcd(xb, yb);
    ll dx = xb / g, dy = yb / g;
    for (ll i = 1; i < g; i++) {
        ll x = dx * i, y = dy * i;
        if (!(x1 <= x && x <= x2 && y1 <= y && y <= y2)) {
            cout << "No\n" << x << ' ' << y << '\n';
            return 0;
        }
    }
    cout << "Yes\n";
}
