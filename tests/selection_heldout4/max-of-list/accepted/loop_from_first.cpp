#include <bits/stdc++.h>
using namespace std;
int main(){
    int n; cin >> n;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    long long best = a[0];
    for (int i = 1; i < n; i++) best = max(best, a[i]);
    cout << best << "\n";
}
