#include <bits/stdc++.h>
using namespace std;
bool seen[1000001];
int main() {
    int n;
    scanf("%d", &n);
    int cnt = 0;
    for (int i = 0; i < n; i++) {
        int x;
        scanf("%d", &x);
        if (!seen[x]) {
            seen[x] = true;
            cnt++;
        }
    }
    printf("%d\n", cnt);
}
