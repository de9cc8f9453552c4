// Mistake: if any sight-line tree is cut it jumps past the cut block, forgetting the first tree may lie before the rectangle.
#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
int main() {
    ll xb, yb, x1, y1, x2, y2;
    cin >> xb >> yb >> x1 >> y1 >> x2 >> y2;
    ll g = __gcd(xb, yb);
    ll dx = xb / g, dy = yb / g;
    ll lo = max((x1 + dx - 1) / dx, (y1 + dy - 1) / dy);
    ll hi = min(x2 / dx, y2 / dy);
    ll i = 1;
    if (lo <= hi) i = hi + 1;
    if (i < g) cout << "No\n" << dx * i << ' ' << dy * i << '\n';
    else cout << "Yes\n";
}
