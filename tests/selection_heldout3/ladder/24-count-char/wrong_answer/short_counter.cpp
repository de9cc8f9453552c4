#include <bits/stdc++.h>
using namespace std;
int main() {
    string s;
    char c;
    cin >> s >> c;
    short cnt = 0;
    for (int i = 0; i < (int)s.size(); i++)
        if (s[i] == c) cnt++;
    cout << cnt << endl;
}
