#include <cstdio>
int main() {
    long long n;
    scanf("%d", &n);
    printf("%lld\n", n % 10);
    return 0;
}
