// Mistake: builds the doubled string only when p < n; for p == n it checks only the one non-wrapping window and counts it once.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, p, d;
    string s;
    cin >> n >> p >> d >> s;
    if (p == n) {
        int z = count(s.begin(), s.end(), 'Z');
        cout << (z < d ? 1 : 0) << endl;
        return 0;
    }
    string t = s + s;
    vector<int> pre(2 * n + 1, 0);
    for (int i = 0; i < 2 * n; i++) pre[i + 1] = pre[i] + (t[i] == 'Z');
    int ans = 0;
    for (int i = 0; i < n; i++) {
        int e = n + i + 1;
        if (pre[e] - pre[e - p] < d) ans++;
    }
    cout << ans << endl;
}
