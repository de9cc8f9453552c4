#include <iostream>
#include <string>
int main() {
    int n;
    std::cin >> n;
    for (int r = 0; r < n; r++) {
        int k;
        std::cin >> k;
        std::string name, item;
        std::getline(std::cin >> std::ws, name);
        bool soup = false, pancakes = false;
        for (int i = 0; i < k; i++) {
            std::getline(std::cin, item);
            if (!item.empty() && item.back() == '\r') item.pop_back();
            soup |= item == "pea soup";
            pancakes |= item == "pancakes";
        }
        if (soup && pancakes) {
            std::cout << name << "\n";
            return 0;
        }
    }
    std::cout << "Anywhere is fine I guess\n";
}
