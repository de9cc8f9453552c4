#include <bits/stdc++.h>
using namespace std;
int main() {
    string s, res = "";
    cin >> s;
    for (size_t i = 0; i < s.size(); i++) {
        res = res + (char)toupper(s[i]);
    }
    cout << res << endl;
}
