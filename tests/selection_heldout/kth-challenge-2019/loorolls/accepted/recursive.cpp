// Same reduction written recursively with 64-bit integers.
#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
ll layers(ll l, ll n) {
    ll r = l % n;
    if (r == 0) return 1;
    return 1 + layers(l, n - r);
}
int main() {
    ll l, n;
    cin >> l >> n;
    cout << layers(l, n) << endl;
}
