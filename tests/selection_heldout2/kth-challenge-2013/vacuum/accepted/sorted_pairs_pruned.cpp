#include <bits/stdc++.h>
using namespace std;
struct Pr { int s, i, j; };
int main() {
    int L1, L2, n;
    scanf("%d %d %d", &L1, &L2, &n);
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    vector<Pr> A, B;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            int s = a[i] + a[j];
            if (s <= L1) A.push_back({s, i, j});
            if (s <= L2) B.push_back({s, i, j});
        }
    auto cmp = [](const Pr &x, const Pr &y) { return x.s > y.s; };
    sort(A.begin(), A.end(), cmp);
    sort(B.begin(), B.end(), cmp);
    long long best = -1;
    for (auto &p : A) {
        if (B.empty() || p.s + B[0].s <= best) break;
        for (auto &q : B) {
            if (p.s + q.s <= best) break;
            if (q.i == p.i || q.i == p.j || q.j == p.i || q.j == p.j) continue;
            best = p.s + q.s;
            break;
        }
    }
    if (best < 0) puts("Impossible"); else printf("%lld\n", best);
}
