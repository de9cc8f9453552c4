#include <bits/stdc++.h>
using namespace std;
int main(){
    string s; cin >> s;
    int cnt = 0;
    for (size_t i = 0; i + 1 < s.size(); i++)
        if (string("aeiou").find(s[i]) != string::npos) cnt++;
    cout << cnt << "\n";
}
