#include <bits/stdc++.h>
using namespace std;
int main() {
    string w, best;
    while (cin >> w)
        if (w.size() > best.size()) best = w;
    cout << best << endl;
}
