#include <bits/stdc++.h>
using namespace std;
int main() {
    string s;
    cin >> s;
    int n = s.size();
    long long ops = 0;
    while (true) {
        bool changed = false;
        for (int i = n - 3; i >= 0; i--) {
            string w = s.substr(i, 3), t = w;
            sort(t.begin(), t.end());
            if (w != t) {
                s.replace(i, 3, t);
                ops++;
                changed = true;
                break;
            }
        }
        if (!changed) break;
    }
    cout << ops << endl;
}
