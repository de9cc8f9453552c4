#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    vector<int> a(n);
    for (auto &x : a) cin >> x;
    int mx = *max_element(a.begin(), a.end());
    int second = -1000001;
    for (int x : a)
        if (x < mx && x > second) second = x;
    cout << second << endl;
}
