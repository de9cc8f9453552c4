#include <bits/stdc++.h>
using namespace std;
int main() {
    double x;
    cin >> x;
    long long n = (long long)x;
    long long s = 0;
    while (n > 0) {
        s += n % 10;
        n /= 10;
    }
    cout << s << endl;
}
