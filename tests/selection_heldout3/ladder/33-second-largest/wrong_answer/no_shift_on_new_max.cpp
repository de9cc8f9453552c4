#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    int m1 = INT_MIN, m2 = INT_MIN;
    for (int i = 0; i < n; i++) {
        int x;
        cin >> x;
        if (x > m1) m1 = x;
        else if (x > m2) m2 = x;
    }
    cout << m2 << endl;
}
