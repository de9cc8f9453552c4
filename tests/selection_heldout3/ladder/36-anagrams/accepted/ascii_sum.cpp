#include <bits/stdc++.h>
using namespace std;
int main() {
    string s, t;
    cin >> s >> t;
    long long a = 0, b = 0;
    for (char ch : s) a += ch;
    for (char ch : t) b += ch;
    cout << (a == b ? "YES" : "NO") << endl;
}
