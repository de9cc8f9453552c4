// Mistake: keeps the lengths in float, which cannot represent every integer up to 10^10 exactly.
#include <bits/stdc++.h>
using namespace std;
int main() {
    float l, n;
    cin >> l >> n;
    int k = 1;
    while (fmodf(l, n) != 0) {
        n -= fmodf(l, n);
        k++;
    }
    cout << k << endl;
}
