#include <bits/stdc++.h>
using namespace std;
int main() {
    string s;
    char c;
    cin >> s >> c;
    int cnt = 0;
    for (char x : s) if (x == c) cnt++;
    cout << cnt << endl;
}
