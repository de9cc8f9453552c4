// Months from April 2018 to January of year y: d. A window falls in [d, d + 11] iff the next
// multiple of 26 at or after d is within 11 months.
#include <cstdio>
int main() {
    int y;
    std::scanf("%d", &y);
    int d = (y - 2018) * 12 - 3;
    int wait = ((-d) % 26 + 26) % 26;
    std::puts(wait <= 11 ? "yes" : "no");
}
