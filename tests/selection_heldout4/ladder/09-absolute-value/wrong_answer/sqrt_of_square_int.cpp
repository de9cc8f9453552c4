#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    int sq = n * n;
    cout << (int)sqrt((double)sq) << endl;
}
