#include <bits/stdc++.h>
using namespace std;
int main() {
    int a, b;
    cin >> a >> b;
    long long p = a * b;
    cout << p << endl;
}
