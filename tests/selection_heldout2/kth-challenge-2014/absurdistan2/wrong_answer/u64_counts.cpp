// Mistake: counts maps exactly in unsigned 64-bit integers, which silently overflow for larger N.
#include <bits/stdc++.h>
using namespace std;
typedef unsigned long long ull;
int main() {
    int n;
    cin >> n;
    ull num = 0;
    for (int k = 2; k <= n; k++) {
        // n!/(n-k)! * n^(n-k-1), the k = n term is (n-1)!
        ull t = 1;
        for (int i = 0; i < k; i++) t *= (ull)(n - i);
        if (k == n) t /= n;
        else for (int i = 0; i < n - k - 1; i++) t *= n;
        num += t;
    }
    ull den = 1;
    for (int i = 0; i < n; i++) den *= (ull)(n - 1);
    printf("%.12f\n", (double)num / (double)den);
}
