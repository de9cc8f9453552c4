#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    vector<bool> comp(n + 1, false);
    comp[0] = true;
    if (n >= 1) comp[1] = true;
    for (long long i = 2; i * i <= n; i++)
        if (!comp[i])
            for (long long j = i * i; j <= n; j += i) comp[j] = true;
    cout << (comp[n] ? "NO" : "YES") << endl;
}
