// Mistake: the clique capacity (i-1)(i-2)/2 is computed in 32-bit int and overflows once i exceeds about 46000.
#include <bits/stdc++.h>
using namespace std;
int main() {
    long long n, m;
    cin >> n >> m;
    long long spare = m - (n - 1);
    long long total = 0;
    for (int i = 1; i < n; i++) {
        int room = (i - 1) * (i - 2) / 2;
        total += i + min<long long>(spare, room);
    }
    cout << total << endl;
}
