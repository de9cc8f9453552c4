#include <bits/stdc++.h>
using namespace std;
// cap(n, m): largest pile movable with n free cells and m empty stacks.
// Move a pile into one empty stack using (n, m-1), move the next pile with (n, m-1),
// then restack: cap(n, m) = 2 * cap(n, m-1), cap(n, 0) = n + 1.
long long cap(int n, int m) {
    if (m == 0) return n + 1;
    return cap(n, m - 1) + cap(n, m - 1);
}
int main() {
    int n, m, k;
    while (cin >> n >> m >> k) cout << (k <= cap(n, m) ? "yes" : "no") << "\n";
}
