// Loops over the first n-1 bricks only.
#include <cstdio>
int main() {
    int h, w, n;
    std::scanf("%d %d %d", &h, &w, &n);
    int layers = 0, filled = 0;
    bool ok = false, broken = false;
    for (int i = 0; i < n - 1; i++) {
        int x;
        std::scanf("%d", &x);
        if (broken || ok) continue;
        filled += x;
        if (filled > w) broken = true;
        else if (filled == w && ++layers == h) ok = true;
        else if (filled == w) filled = 0;
    }
    std::puts(ok ? "YES" : "NO");
}
