// Counting sort per axis: walk the coordinate range keeping how many trucks lie to the left
// and the sum of their coordinates.
#include <cstdio>
#include <vector>
int main() {
    int n;
    std::scanf("%d", &n);
    const int MAX = 1000000;
    std::vector<int> cs(MAX + 1, 0), ca(MAX + 1, 0);
    for (int i = 0; i < n; i++) {
        int s, a;
        std::scanf("%d %d", &s, &a);
        cs[s]++, ca[a]++;
    }
    long long total = 0;
    for (auto *cnt : {&cs, &ca}) {
        long long before = 0, sum_before = 0;
        for (long long v = 1; v <= MAX; v++) {
            long long k = (*cnt)[v];
            total += k * (before * v - sum_before);
            before += k, sum_before += k * v;
        }
    }
    std::printf("%lld\n", total);
}
