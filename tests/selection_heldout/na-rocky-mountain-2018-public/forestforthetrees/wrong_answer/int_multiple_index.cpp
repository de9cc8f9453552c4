// Mistake: stores the index of the first uncut tree in a 32-bit int, which overflows when the cut stretch is long.
#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
int main() {
    ll xb, yb, x1, y1, x2, y2;
    cin >> xb >> yb >> x1 >> y1 >> x2 >> y2;
    ll g = __gcd(xb, yb);
    ll dx = xb / g, dy = yb / g;
    int i = 1;
    bool inside = x1 <= dx && dx <= x2 && y1 <= dy && dy <= y2;
    if (inside) i = min(x2 / dx, y2 / dy) + 1;
    if (i < g) cout << "No\n" << dx * i << ' ' << dy * i << '\n';
    else cout << "Yes\n";
}
