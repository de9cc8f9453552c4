// Mistake: prints the double from pow() with cout, which switches to scientific notation (e.g. 1.04858e+06) for large labels.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int h;
    string path;
    cin >> h;
    if (!(cin >> path)) path = "";
    long long idx = 1;
    for (char c : path) idx = 2 * idx + (c == 'R');
    cout << pow(2, h + 1) - idx << endl;
}
