// Mistake: k is read into a 32-bit int, so any k above 2^31-1 is not read correctly.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, k;
    cin >> n >> k;
    const long long LIM = 4000000000LL;
    vector<long long> fact(n, 1);
    for (int r = 1; r < n; r++) fact[r] = min(LIM, fact[r - 1] * r);
    vector<bool> used(n, false);
    used[0] = true;
    int s = 0;
    for (int i = 1; i < n; i++) {
        long long cnt = fact[n - 1 - i];
        for (int a = 1; a < n; a++) {
            int t = (s + a) % n;
            if (used[t]) continue;
            if (k <= cnt) {
                printf("%d%c", a, i == n - 1 ? '\n' : ' ');
                used[t] = true;
                s = t;
                break;
            }
            k -= cnt;
        }
    }
}
