// Parses h0 with std::stoll: std::out_of_range (abort) beyond 9.2e18.
#include <iostream>
#include <string>
int main() {
    std::string s;
    std::cin >> s;
    long long h = std::stoll(s);
    while ((__int128)h * (3 * h + 1) / 2 % 4) h++;
    std::cout << h << "\n";
}
