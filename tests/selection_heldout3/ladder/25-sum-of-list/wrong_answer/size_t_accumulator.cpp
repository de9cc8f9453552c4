#include <bits/stdc++.h>
using namespace std;
int main() {
    size_t n;
    cin >> n;
    vector<long long> a(n);
    for (size_t i = 0; i < n; i++) cin >> a[i];
    size_t total = 0;
    for (size_t i = 0; i < n; i++) total += a[i];
    cout << total << endl;
}
