#include <bits/stdc++.h>
using namespace std;
int main() {
    string s, t;
    cin >> s >> t;
    int c[26] = {0};
    for (char ch : s) c[ch - 'a']++;
    for (char ch : t) c[ch - 'a']--;
    bool ok = true;
    for (int i = 0; i < 26; i++)
        if (c[i] != 0) ok = false;
    cout << (ok ? "YES" : "NO") << endl;
}
