#include <iostream>
int main() {
    int n;
    std::cin >> n;
    long long total = 0, start = 0;
    for (int i = 0; i < n; i++) {
        long long t;
        std::cin >> t;
        if (i % 2 == 0) start = t; else total += t - start;
    }
    if (n % 2) std::cout << "still running\n"; else std::cout << total << "\n";
}
