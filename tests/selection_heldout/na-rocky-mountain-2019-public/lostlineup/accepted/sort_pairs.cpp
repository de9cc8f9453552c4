#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    vector<pair<int, int>> v;
    for (int i = 0; i < n - 1; i++) {
        int d;
        cin >> d;
        v.push_back({d, i + 2});
    }
    sort(v.begin(), v.end());
    cout << 1;
    for (auto &p : v) cout << ' ' << p.second;
    cout << '\n';
}
