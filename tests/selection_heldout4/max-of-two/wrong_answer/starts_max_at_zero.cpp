#include <bits/stdc++.h>
using namespace std;
int main(){
    int a, b; cin >> a >> b;
    int m = 0;
    if (a > m) m = a;
    if (b > m) m = b;
    cout << m << "\n";
}
