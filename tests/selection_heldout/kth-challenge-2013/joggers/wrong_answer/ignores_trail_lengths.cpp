// Mistake: measures distance from campus in number of trails, ignoring the trail lengths d.
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
        for (auto [u, d] : adj[v]) if (dist[u] < 0) { dist[u] = dist[v] + 1; par[u] = v; st.push(u); }
    }
    int added = 0;
    for (int i = n - 1; i >= 1; i--) {
        int v = order[i], p = par[v];
        if (2 * dist[p] < S && !lit[v] && !lit[p]) { lit[p] = 1; added++; }
    }
    printf("%d\n", added);
}
