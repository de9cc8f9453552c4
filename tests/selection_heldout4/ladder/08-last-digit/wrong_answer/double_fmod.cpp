#include <bits/stdc++.h>
using namespace std;
int main() {
    double n;
    cin >> n;
    cout << (long long)fmod(n, 10) << endl;
}
