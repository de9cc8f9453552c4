// h(3h+1)/2 is divisible by 4 iff h mod 8 is 0 or 5: step the decimal string up to such an h.
#include <iostream>
#include <string>
int main() {
    std::string h;
    std::cin >> h;
    int low = 0;
    for (size_t i = h.size() >= 3 ? h.size() - 3 : 0; i < h.size(); i++) low = low * 10 + (h[i] - '0');
    int add = 0;
    while ((low + add) % 8 != 0 && (low + add) % 8 != 5) add++;
    for (int i = (int)h.size() - 1; add > 0; i--) {
        if (i < 0) { h.insert(h.begin(), '0'); i = 0; }
        int d = h[i] - '0' + add;
        h[i] = char('0' + d % 10);
        add = d / 10;
    }
    std::cout << h << "\n";
}
