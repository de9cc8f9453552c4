#include <cstdio>
int main() {
    double n;
    scanf("%lf", &n);
    if (n > 0) printf("%.0f\n", n);
    else printf("%.0f\n", -n);
    return 0;
}
