// Mistake: the answer is kept in a 16-bit short, which overflows when more than 32767 seconds are tired.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, p, d;
    string s;
    cin >> n >> p >> d >> s;
    string t = s + s;
    vector<int> pre(2 * n + 1, 0);
    for (int i = 0; i < 2 * n; i++) pre[i + 1] = pre[i] + (t[i] == 'Z');
    short ans = 0;
    for (int i = 0; i < n; i++) {
        int e = n + i + 1;
        if (pre[e] - pre[e - p] < d) ans++;
    }
    cout << ans << endl;
}
