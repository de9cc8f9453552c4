#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
typedef __int128 lll;
int main() {
    ll n, m;
    cin >> n >> m;
    ll spare = m - (n - 1);
    // find the last tree edge index k such that room(k) = (k-1)(k-2)/2 <= spare
    ll lo = 1, hi = n - 1;
    while (lo < hi) {
        ll mid = (lo + hi + 1) / 2;
        if ((mid - 1) * (mid - 2) / 2 <= spare) lo = mid; else hi = mid - 1;
    }
    ll k = lo;
    lll total = 0;
    // edges 1..k: label i + (i-1)(i-2)/2
    for (ll i = 1; i <= k; i++) total += i + (i - 1) * (i - 2) / 2;
    // edges k+1..n-1: label i + spare
    ll cnt = (n - 1) - k;
    if (cnt > 0) {
        total += (lll)(k + 1 + n - 1) * cnt / 2;
        total += (lll)spare * cnt;
    }
    cout << (ll)total << endl;
}
