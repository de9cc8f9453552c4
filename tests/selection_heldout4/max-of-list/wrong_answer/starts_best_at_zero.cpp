#include <bits/stdc++.h>
using namespace std;
int main(){
    int n; cin >> n;
    int best = 0;
    for (int i = 0; i < n; i++) { int x; cin >> x; if (x > best) best = x; }
    cout << best << "\n";
}
