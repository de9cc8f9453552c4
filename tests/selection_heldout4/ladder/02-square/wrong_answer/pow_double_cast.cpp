#include <bits/stdc++.h>
using namespace std;
int main() {
    long long n;
    cin >> n;
    long long ans = (long long)pow((double)n, 2);
    cout << ans << endl;
}
