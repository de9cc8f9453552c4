// Mistake: special-cases M == 0 as "only the free cells help" (K <= N), forgetting the bottom card moves directly.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, m, k;
    while (cin >> n >> m >> k) {
        long long capacity = (m == 0) ? n : (long long)(n + 1) << m;
        cout << (k <= capacity ? "yes" : "no") << "\n";
    }
}
