// Mistake: heuristic beam that keeps only the 500 most likely alive-sets after each attempt, losing probability mass on hard tests.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    map<int, double> cur;
    cur[(1 << n) - 1] = 1.0;
    const size_t BEAM = 500;
    for (int k = 0; k < m; k++) {
        int i, j;
        double p;
        scanf("%d %d %lf", &i, &j, &p);
        i--, j--;
        map<int, double> nxt;
        for (auto [s, v] : cur) {
            if ((s >> i & 1) && (s >> j & 1)) {
                nxt[s ^ (1 << j)] += v * p;
                nxt[s] += v * (1 - p);
            } else {
                nxt[s] += v;
            }
        }
        if (nxt.size() > BEAM) {
            vector<pair<double, int>> all;
            for (auto [s, v] : nxt) all.push_back({v, s});
            sort(all.rbegin(), all.rend());
            all.resize(BEAM);
            nxt.clear();
            for (auto [v, s] : all) nxt[s] = v;
        }
        cur.swap(nxt);
    }
    for (int a = 0; a < n; a++) {
        double t = 0;
        for (auto [s, v] : cur) if (s >> a & 1) t += v;
        printf("%.10f\n", t);
    }
}
