#include <bits/stdc++.h>
using namespace std;
int main() {
    string s;
    cin >> s;
    short cnt = 0;
    for (char c : s)
        if (c >= 'a' && c <= 'z')
            cnt++;
    cout << cnt << endl;
}
