#include <bits/stdc++.h>
using namespace std;
int main() {
    string line;
    getline(cin, line);
    string cur, best;
    for (char c : line) {
        if (c == ' ') {
            if (cur.size() > best.size()) best = cur;
            cur = "";
        } else {
            cur += c;
        }
    }
    cout << best << endl;
}
