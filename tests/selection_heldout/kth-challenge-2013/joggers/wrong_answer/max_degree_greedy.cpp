// Mistake: greedily lights the intersection touching the most dark usable trails, which is not optimal on trees.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, S;
    scanf("%d %d", &n, &S);
    vector<vector<pair<int,int>>> adj(n + 1);
    for (int i = 0; i < n - 1; i++) {
        int a, b, d;
        scanf("%d %d %d", &a, &b, &d);
        adj[a].push_back({b, d});
        adj[b].push_back({a, d});
    }
    int L;
    scanf("%d", &L);
    vector<char> lit(n + 1, 0);
    for (int i = 0; i < L; i++) { int x; scanf("%d", &x); lit[x] = 1; }
    vector<long long> dist(n + 1, -1);
    vector<int> par(n + 1, 0), order;
    dist[1] = 0;
    stack<int> st;
    st.push(1);
    while (!st.empty()) {
        int v = st.top(); st.pop();
        order.push_back(v);
        for (auto [u, d] : adj[v]) if (dist[u] < 0) { dist[u] = dist[v] + d; par[u] = v; st.push(u); }
    }
    // dark usable trails
    vector<vector<int>> g(n + 1);
    for (int v = 2; v <= n; v++) {
        int p = par[v];
        if (2 * dist[p] < S && !lit[v] && !lit[p]) { g[v].push_back(p); g[p].push_back(v); }
    }
    vector<int> deg(n + 1);
    set<pair<int,int>> pq;
    for (int v = 1; v <= n; v++) { deg[v] = g[v].size(); if (deg[v]) pq.insert({-deg[v], v}); }
    vector<char> removed(n + 1, 0);
    int added = 0;
    while (!pq.empty()) {
        int v = pq.begin()->second;
        pq.erase(pq.begin());
        removed[v] = 1;
        added++;
        for (int u : g[v]) if (!removed[u] && deg[u] > 0) {
            pq.erase({-deg[u], u});
            deg[u]--;
            if (deg[u]) pq.insert({-deg[u], u});
        }
        deg[v] = 0;
    }
    printf("%d\n", added);
}
