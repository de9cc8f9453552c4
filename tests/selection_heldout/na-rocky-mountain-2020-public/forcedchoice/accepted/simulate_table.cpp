#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, p, s;
    cin >> n >> p >> s;
    vector<bool> onTable(n + 1, true);
    for (int step = 0; step < s; step++) {
        int m;
        cin >> m;
        vector<bool> chosen(n + 1, false);
        for (int j = 0; j < m; j++) {
            int c;
            cin >> c;
            chosen[c] = true;
        }
        bool keep = chosen[p];
        for (int c = 1; c <= n; c++)
            if (onTable[c] && chosen[c] != keep) onTable[c] = false;
        cout << (keep ? "KEEP" : "REMOVE") << '\n';
    }
}
