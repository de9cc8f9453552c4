// Mistake: off-by-one loop that never compares the last chosen card with the prediction.
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
        bool found = false;
        for (int j = 0; j < m - 1; j++)
            if (c[j] == p) found = true;
        cout << (found ? "KEEP" : "REMOVE") << '\n';
    }
}
