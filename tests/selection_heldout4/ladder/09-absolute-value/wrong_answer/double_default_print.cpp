#include <bits/stdc++.h>
using namespace std;
int main() {
    double n;
    cin >> n;
    cout << fabs(n) << endl;
}
