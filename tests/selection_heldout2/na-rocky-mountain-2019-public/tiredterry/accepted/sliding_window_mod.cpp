#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, p, d;
    string s;
    cin >> n >> p >> d >> s;
    // window ending at i: seconds i-p+1 .. i (cyclic)
    int cnt = 0;
    for (int k = 0; k < p; k++) {
        int idx = ((0 - k) % n + n) % n;
        cnt += s[idx] == 'Z';
    }
    long long ans = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0) {
            cnt += s[i] == 'Z';
            cnt -= s[((i - p) % n + n) % n] == 'Z';
        }
        if (cnt < d) ans++;
    }
    cout << ans << endl;
}
