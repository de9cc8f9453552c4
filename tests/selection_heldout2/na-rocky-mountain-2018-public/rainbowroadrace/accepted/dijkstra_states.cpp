#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    string colors = "ROYGBIV";
    vector<vector<array<int, 3>>> adj(n + 1);
    for (int i = 0; i < m; i++) {
        int a, b, d;
        char c;
        scanf("%d %d %d %c", &a, &b, &d, &c);
        int bit = 1 << colors.find(c);
        adj[a].push_back({b, d, bit});
        adj[b].push_back({a, d, bit});
    }
    const long long INF = LLONG_MAX;
    vector<vector<long long>> dist(n + 1, vector<long long>(128, INF));
    priority_queue<tuple<long long, int, int>, vector<tuple<long long, int, int>>, greater<>> pq;
    dist[1][0] = 0;
    pq.push({0, 1, 0});
    while (!pq.empty()) {
        auto [d, u, mask] = pq.top();
        pq.pop();
        if (d > dist[u][mask]) continue;
        for (auto &e : adj[u]) {
            int v = e[0], nm = mask | e[2];
            long long nd = d + e[1];
            if (nd < dist[v][nm]) {
                dist[v][nm] = nd;
                pq.push({nd, v, nm});
            }
        }
    }
    printf("%lld\n", dist[1][127]);
}
