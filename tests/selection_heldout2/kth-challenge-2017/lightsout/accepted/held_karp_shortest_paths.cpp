// Held-Karp over "rooms whose switches are used": dp[mask][v] = shortest walk from room 1
// that has used the switches of every room in mask and stands at v (v in mask), moving along
// all-pairs shortest paths. A mask is good if its switches span everything (basis DP by low bit).
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, m, l;
    scanf("%d %d %d", &n, &m, &l);
    const int INF = 1e9;
    vector<vector<int>> D(n, vector<int>(n, INF));
    for (int i = 0; i < n; i++) D[i][i] = 0;
    for (int i = 0; i < m; i++) {
        int a, b;
        scanf("%d %d", &a, &b);
        D[a][b] = D[b][a] = 1;
    }
    for (int k = 0; k < n; k++)
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) D[i][j] = min(D[i][j], D[i][k] + D[k][j]);
    vector<vector<int>> vecs(n);
    for (int i = 0; i < l; i++) {
        int room, p, v = 0;
        scanf("%d %d", &room, &p);
        for (int j = 0; j < p; j++) { int x; scanf("%d", &x); v |= 1 << x; }
        vecs[room].push_back(v);
    }
    int S = 1 << n;
    // basis[mask][i] = vector with leading bit i (or 0)
    vector<array<int, 20>> basis(S);
    vector<int> rk(S, 0);
    basis[0].fill(0);
    for (int mask = 1; mask < S; mask++) {
        int r = __builtin_ctz(mask);
        int prev = mask & (mask - 1);
        basis[mask] = basis[prev];
        rk[mask] = rk[prev];
        for (int v : vecs[r]) {
            for (int i = n - 1; i >= 0 && v; i--) {
                if (!((v >> i) & 1)) continue;
                if (!basis[mask][i]) { basis[mask][i] = v; rk[mask]++; v = 0; break; }
                v ^= basis[mask][i];
            }
        }
    }
    int full = rk[S - 1];
    vector<int> dp((size_t)S * n, INF);
    dp[(size_t)(1 << 1) * n + 1] = 0;
    int best = INF;
    for (int mask = 0; mask < S; mask++) {
        if (!((mask >> 1) & 1)) continue;
        for (int v = 0; v < n; v++) {
            int cur = dp[(size_t)mask * n + v];
            if (cur >= INF) continue;
            if (rk[mask] == full) best = min(best, cur + D[v][0]);
            for (int w = 0; w < n; w++) {
                if ((mask >> w) & 1) continue;
                int nm = mask | (1 << w);
                int &t = dp[(size_t)nm * n + w];
                t = min(t, cur + D[v][w]);
            }
        }
    }
    printf("%d\n", best + 1);
}
