// Mistake: reads each distance as a single char, so multi-digit distances are split apart.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    vector<int> res(n + 20, 0);
    res[0] = 1;
    for (int i = 0; i < n - 1; i++) {
        char c;
        cin >> c;
        int d = c - '0';
        res[d + 1] = i + 2;
    }
    for (int i = 0; i < n; i++) cout << res[i] << (i + 1 < n ? ' ' : '\n');
}
