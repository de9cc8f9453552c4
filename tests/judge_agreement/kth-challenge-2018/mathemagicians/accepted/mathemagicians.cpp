#include <iostream>
#include <string>
int main() {
    int n;
    std::string s, t;
    std::cin >> n >> s >> t;
    auto boundaries = [n](const std::string &x) {
        int c = 0;
        for (int i = 0; i < n; i++) c += x[i] != x[(i + 1) % n];
        return c;
    };
    int a = boundaries(s), b = boundaries(t);
    bool stuck = a == 0 || a == n;  // one colour: nothing changes; alternating: every move merges
    std::cout << ((b < a || (b == a && !stuck)) ? "yes" : "no") << "\n";
}
