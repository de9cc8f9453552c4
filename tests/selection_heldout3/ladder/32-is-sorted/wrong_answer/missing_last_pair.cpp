#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    vector<int> a(n);
    for (int i = 0; i < n; i++) cin >> a[i];
    bool ok = true;
    for (int i = 0; i + 2 < n; i++) {
        if (a[i] > a[i + 1]) ok = false;
    }
    cout << (ok ? "YES" : "NO") << endl;
}
