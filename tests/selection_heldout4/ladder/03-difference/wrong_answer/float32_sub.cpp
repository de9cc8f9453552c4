#include <bits/stdc++.h>
using namespace std;
int main() {
    float a, b;
    cin >> a >> b;
    cout << (long long)(a - b) << endl;
}
