// Correct but O(N^3): for every first pair, a full two-pointer scan for the best disjoint second pair.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int L1, L2, n;
    scanf("%d %d %d", &L1, &L2, &n);
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    sort(a.begin(), a.end());
    int best = -1;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            int lo = 0, hi = n - 1, b2 = -1;
            while (lo < hi) {
                if (lo == i || lo == j) { lo++; continue; }
                if (hi == i || hi == j) { hi--; continue; }
                int s = a[lo] + a[hi];
                if (s <= L2) { b2 = max(b2, s); lo++; } else hi--;
            }
            if (b2 >= 0 && a[i] + a[j] <= L1) best = max(best, a[i] + a[j] + b2);
        }
    if (best < 0) puts("Impossible"); else printf("%d\n", best);
}
