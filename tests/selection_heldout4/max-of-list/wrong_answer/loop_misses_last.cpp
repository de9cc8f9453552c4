#include <bits/stdc++.h>
using namespace std;
int main(){
    int n; cin >> n;
    vector<int> a(n);
    for (int i = 0; i < n; i++) cin >> a[i];
    int best = a[0];
    for (int i = 1; i < n - 1; i++)
        if (a[i] > best) best = a[i];
    cout << best << "\n";
}
