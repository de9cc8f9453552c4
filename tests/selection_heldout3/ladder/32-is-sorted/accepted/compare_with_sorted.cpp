#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    vector<int> a(n);
    for (auto &x : a) cin >> x;
    vector<int> b = a;
    sort(b.begin(), b.end());
    cout << (a == b ? "YES" : "NO") << endl;
}
