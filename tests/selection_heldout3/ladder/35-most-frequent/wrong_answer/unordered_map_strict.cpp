#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    unordered_map<int, int> cnt;
    for (int i = 0; i < n; i++) {
        int x;
        cin >> x;
        cnt[x]++;
    }
    int best = 0, bc = 0;
    for (auto &p : cnt)
        if (p.second > bc) {
            bc = p.second;
            best = p.first;
        }
    cout << best << endl;
}
