// Mistake: computes 1 << (H+1) as a 32-bit int, which overflows for H = 30 before it reaches the long long.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int h;
    string path;
    cin >> h;
    if (!(cin >> path)) path = "";
    long long idx = 1;
    for (char c : path) idx = 2 * idx + (c == 'R');
    long long total = 1 << (h + 1);
    cout << total - idx << endl;
}
