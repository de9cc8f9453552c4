// Mistake: accepts a route once every lamp is touched by SOME visited switch, instead of requiring the switches to span all reachable configurations.
#include <bits/stdc++.h>
using namespace std;
int n, m, l, R;
vector<vector<int>> roomVecs;
vector<char> good;

struct Basis {
    int b[20];
    int r;
    void insert(int v) {
        for (int i = n - 1; i >= 0 && v; i--) {
            if (!((v >> i) & 1)) continue;
            if (!b[i]) { b[i] = v; r++; return; }
            v ^= b[i];
        }
    }
};

void rec(int r, int mask, Basis cur) {
    if (r == n) { good[mask] = (cur.r == R); return; }
    rec(r + 1, mask, cur);
    for (int v : roomVecs[r]) cur.insert(v);
    rec(r + 1, mask | (1 << r), cur);
}

int main() {
    scanf("%d %d %d", &n, &m, &l);
    vector<vector<int>> adj(n);
    for (int i = 0; i < m; i++) {
        int a, b;
        scanf("%d %d", &a, &b);
        adj[a].push_back(b);
        adj[b].push_back(a);
    }
    roomVecs.assign(n, {});
    Basis all{};
    for (int i = 0; i < l; i++) {
        int room, p, v = 0;
        scanf("%d %d", &room, &p);
        for (int j = 0; j < p; j++) { int x; scanf("%d", &x); v |= 1 << x; }
        roomVecs[room].push_back(v);
        all.insert(v);
    }
    R = all.r;
    good.assign(1 << n, 0);
    int needLamps = 0;
    vector<int> roomCover(n, 0);
    for (int r = 0; r < n; r++) { for (int v : roomVecs[r]) roomCover[r] |= v; needLamps |= roomCover[r]; }
    for (int mask = 0; mask < (1 << n); mask++) {
        int c = 0;
        for (int r = 0; r < n; r++) if ((mask >> r) & 1) c |= roomCover[r];
        good[mask] = (c == needLamps);
    }

    int S = 1 << n;
    vector<unsigned char> dist((size_t)S * n, 255);
    vector<unsigned> q;
    q.reserve(1 << 22);
    auto id = [&](int mask, int v) { return (unsigned)mask * n + v; };
    dist[id(1 << 1, 1)] = 0;
    q.push_back(id(1 << 1, 1));
    for (size_t h = 0; h < q.size(); h++) {
        unsigned s = q[h];
        int mask = s / n, v = s % n;
        int d = dist[s];
        if (v == 0 && good[mask]) { printf("%d\n", d + 1); return 0; }
        for (int w : adj[v]) {
            unsigned t = id(mask | (1 << w), w);
            if (dist[t] == 255) { dist[t] = d + 1; q.push_back(t); }
        }
    }
    printf("impossible\n");
}
