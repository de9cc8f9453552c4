#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    long long m1 = LLONG_MIN, m2 = LLONG_MIN;
    for (int i = 0; i < n; i++) {
        long long x;
        cin >> x;
        if (x > m1) {
            m2 = m1;
            m1 = x;
        } else if (x > m2) {
            m2 = x;
        }
    }
    cout << m2 << endl;
}
