#include <bits/stdc++.h>
using namespace std;
int main() {
    string s, t;
    cin >> s >> t;
    bool ok = true;
    for (char ch : s) {
        if (count(s.begin(), s.end(), ch) != count(t.begin(), t.end(), ch)) {
            ok = false;
            break;
        }
    }
    cout << (ok ? "YES" : "NO") << endl;
}
