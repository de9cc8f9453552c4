#include <bits/stdc++.h>
using namespace std;
int main() {
    string s;
    cin >> s;
    int cnt = 0;
    while (!s.empty()) {
        s = s.substr(1);
        cnt++;
    }
    cout << cnt << endl;
}
