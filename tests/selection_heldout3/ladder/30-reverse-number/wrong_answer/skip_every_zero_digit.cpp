#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    while (n > 0) {
        int d = n % 10;
        if (d != 0) cout << d;
        n /= 10;
    }
    cout << endl;
}
