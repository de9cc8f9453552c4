// Mistake: stores n in a 32-bit int, but n can be as large as l (up to 10^10).
#include <bits/stdc++.h>
using namespace std;
int main() {
    long long l;
    int n;
    scanf("%lld %d", &l, &n);
    int k = 1;
    while (l % n) {
        n -= l % n;
        k++;
    }
    printf("%d\n", k);
}
