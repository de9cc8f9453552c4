// Correct but far too slow: for every good subset of rooms containing 0 and 1, run a fresh
// Held-Karp over that subset to find the shortest route through all of it.
#include <bits/stdc++.h>
using namespace std;
int n;
int rankOf(vector<int> v) {
    int r = 0;
    for (int bit = n - 1; bit >= 0; bit--) {
        int piv = -1;
        for (int i = r; i < (int)v.size(); i++) if ((v[i] >> bit) & 1) { piv = i; break; }
        if (piv < 0) continue;
        swap(v[r], v[piv]);
        for (int i = 0; i < (int)v.size(); i++) if (i != r && ((v[i] >> bit) & 1)) v[i] ^= v[r];
        r++;
    }
    return r;
}
int main() {
    int m, l;
    scanf("%d %d %d", &n, &m, &l);
    const int INF = 1e9;
    vector<vector<int>> D(n, vector<int>(n, INF));
    for (int i = 0; i < n; i++) D[i][i] = 0;
    for (int i = 0; i < m; i++) { int a, b; scanf("%d %d", &a, &b); D[a][b] = D[b][a] = 1; }
    for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) D[i][j] = min(D[i][j], D[i][k] + D[k][j]);
    vector<vector<int>> vecs(n);
    vector<int> allv;
    for (int i = 0; i < l; i++) {
        int room, p, v = 0;
        scanf("%d %d", &room, &p);
        for (int j = 0; j < p; j++) { int x; scanf("%d", &x); v |= 1 << x; }
        vecs[room].push_back(v);
        allv.push_back(v);
    }
    int full = rankOf(allv);
    int best = INF;
    for (int mask = 0; mask < (1 << n); mask++) {
        if (!(mask & 1) || !(mask & 2)) continue;
        vector<int> vs, rooms;
        for (int r = 0; r < n; r++) if ((mask >> r) & 1) { rooms.push_back(r); for (int v : vecs[r]) vs.push_back(v); }
        if (rankOf(vs) != full) continue;
        int k = rooms.size();
        int s1 = find(rooms.begin(), rooms.end(), 1) - rooms.begin();
        int s0 = find(rooms.begin(), rooms.end(), 0) - rooms.begin();
        vector<vector<int>> dp(1 << k, vector<int>(k, INF));
        dp[1 << s1][s1] = 0;
        for (int sm = 0; sm < (1 << k); sm++)
            for (int v = 0; v < k; v++) {
                if (dp[sm][v] >= INF) continue;
                for (int w = 0; w < k; w++) {
                    if ((sm >> w) & 1) continue;
                    int &t = dp[sm | (1 << w)][w];
                    t = min(t, dp[sm][v] + D[rooms[v]][rooms[w]]);
                }
            }
        best = min(best, dp[(1 << k) - 1][s0]);
    }
    printf("%d\n", best + 1);
}
