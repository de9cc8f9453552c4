#include <bits/stdc++.h>
using namespace std;
int main() {
    float x;
    cin >> x;
    long long ans = (long long)(x * 2);
    cout << ans << endl;
}
