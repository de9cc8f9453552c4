// Mistake: accumulates the answer in a double and prints it with default cout formatting (6 significant digits / scientific notation for big answers).
#include <bits/stdc++.h>
using namespace std;
int main() {
    long long n, m;
    cin >> n >> m;
    long long spare = m - (n - 1);
    double total = 0;
    for (long long i = 1; i < n; i++) {
        long long room = (i - 1) * (i - 2) / 2;
        total += i + min(spare, room);
    }
    cout << total << endl;
}
