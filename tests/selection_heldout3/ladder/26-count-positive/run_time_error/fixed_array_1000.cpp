#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    int a[1000];
    int cnt = 0;
    cin >> n;
    for (int i = 0; i < n; i++) cin >> a[i];
    for (int i = 0; i < n; i++)
        if (a[i] > 0) cnt++;
    cout << cnt << endl;
}
