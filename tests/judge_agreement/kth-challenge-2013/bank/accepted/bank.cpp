#include <cstdio>
#include <functional>
#include <queue>
#include <vector>
int main() {
    int n, t;
    std::scanf("%d %d", &n, &t);
    std::vector<std::vector<int>> by_time(t);
    for (int i = 0; i < n; i++) {
        int c, ti;
        std::scanf("%d %d", &c, &ti);
        by_time[ti].push_back(c);
    }
    // Fill minutes from the last one down, each with the richest person still waiting.
    std::priority_queue<int> waiting;
    long long total = 0;
    for (int m = t - 1; m >= 0; m--) {
        for (int c : by_time[m]) waiting.push(c);
        if (!waiting.empty()) { total += waiting.top(); waiting.pop(); }
    }
    std::printf("%lld\n", total);
}
