#include <bits/stdc++.h>
using namespace std;
int main() {
    string s;
    cin >> s;
    long long inv = 0, c = 0;
    for (int i = (int)s.size() - 1; i >= 0; i--) {
        if (s[i] == 'C') c++;
        else inv += c;
    }
    cout << (inv + 1) / 2 << endl;
}
