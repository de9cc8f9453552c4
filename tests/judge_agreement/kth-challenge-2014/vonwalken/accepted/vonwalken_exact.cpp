// Same interval intersection in exact integers: lengths in units of 1e-12 m.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
int main() {
    const long long S = 1000000000000LL;
    std::string ds;
    int n;
    std::cin >> ds >> n;
    long long d = 0, scale = S;
    size_t dot = ds.find('.');
    d = std::stoll(ds.substr(0, dot)) * S;
    if (dot != std::string::npos)
        for (size_t i = dot + 1; i < ds.size(); i++) { scale /= 10; d += (ds[i] - '0') * scale; }
    long long lo = 0, hi = S, c = 0;
    for (int k = 1; k <= n; k++) {
        long long steps;
        std::cin >> steps;
        c += steps;
        lo = std::max(lo, c * S - k * d);
        hi = std::min(hi, (c + 1) * S - k * d);
    }
    std::puts(lo < hi ? "possible" : "impossible");
}
