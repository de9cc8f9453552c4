#include <bits/stdc++.h>
using namespace std;
int main() {
    string s;
    getline(cin, s);
    int cnt = 0;
    for (size_t i = 0; i < s.size(); i++)
        if (s[i] != ' ' && s[i] != '\r' && (i == 0 || s[i - 1] == ' ')) cnt++;
    cout << cnt << endl;
}
