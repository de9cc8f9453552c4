// Mistake: uses binary_search on the chosen cards, assuming they are listed in increasing order.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, p, s;
    cin >> n >> p >> s;
    for (int step = 0; step < s; step++) {
        int m;
        cin >> m;
        vector<int> c(m);
        for (auto &x : c) cin >> x;
        cout << (binary_search(c.begin(), c.end(), p) ? "KEEP" : "REMOVE") << '\n';
    }
}
