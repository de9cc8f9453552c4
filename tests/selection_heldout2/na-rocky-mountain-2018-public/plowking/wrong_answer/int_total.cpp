// Mistake: n and m are read as long long, but the running total is a 32-bit int and overflows on large inputs.
#include <bits/stdc++.h>
using namespace std;
int main() {
    long long n, m;
    cin >> n >> m;
    long long spare = m - (n - 1);
    int total = 0;
    for (long long i = 1; i < n; i++) {
        long long room = (i - 1) * (i - 2) / 2;
        total += i + min(spare, room);
    }
    cout << total << endl;
}
