#include <bits/stdc++.h>
using namespace std;
int n;
long long ask(int i){
    if (i < 1 || i > n) return LLONG_MIN;
    cout << "? " << i << endl;
    long long v; cin >> v;
    return v;
}
int main(){
    cin >> n;
    int lo = 1, hi = n;
    while (true) {
        int mid = (lo + hi) / 2;
        long long l = ask(mid - 1), m = ask(mid), r = ask(mid + 1);
        if (m > l && m > r) { cout << "! " << mid << endl; return 0; }
        if (r > m) lo = mid + 1;
        else hi = mid - 1;
    }
}
