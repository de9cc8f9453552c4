#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    int neg = 0;
    for (int i = 0; i < n; i++) {
        int x;
        cin >> x;
        if (x < 0) neg++;
    }
    cout << n - neg << endl;
}
