// Indexes one past the end (checked): std::out_of_range, abort.
#include <cstdio>
#include <vector>
int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<long long> c(n);
    for (int i = 0; i <= n; i++) std::scanf("%lld", &c.at(i));
}
