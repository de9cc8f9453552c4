#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
int main() {
    int n;
    scanf("%d", &n);
    vector<ll> t(n);
    vector<int> c(n);
    for (int i = 0; i < n; i++) scanf("%lld %d", &t[i], &c[i]);
    // the slowest player is never held up; every other player can only get stuck
    // behind the next slower one
    vector<ll> prevStart, prevEnd, ans(n);
    for (int i = n - 1; i >= 0; i--) {
        vector<ll> st(c[i]), en(c[i]);
        ll s = 0;
        size_t p = 0;
        for (int k = 0; k < c[i]; k++) {
            ll f = s + t[i];
            while (p < prevStart.size() && prevEnd[p] <= s) p++;
            if (p < prevStart.size() && prevStart[p] < s && prevEnd[p] > f) f = prevEnd[p];
            st[k] = s;
            en[k] = f;
            s = f;
        }
        ans[i] = s;
        prevStart = st;
        prevEnd = en;
    }
    for (int i = 0; i < n; i++) printf("%lld\n", ans[i]);
}
