#include <bits/stdc++.h>
using namespace std;
int main(){
    string s; cin >> s;
    int cnt = 0;
    for (char c : s) {
        switch (c) {
            case 'a': case 'e': case 'i': case 'o': case 'u': cnt++; break;
            default: break;
        }
    }
    cout << cnt << endl;
}
