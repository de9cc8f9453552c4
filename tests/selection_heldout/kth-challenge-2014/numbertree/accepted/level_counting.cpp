// Count the nodes on the levels below, then the position within the node's own level.
#include <bits/stdc++.h>
using namespace std;
int main() {
    long long h;
    string path;
    cin >> h;
    if (!(cin >> path)) path = "";
    long long d = path.size();
    long long below = 0;
    for (long long lvl = d + 1; lvl <= h; lvl++) below += 1LL << lvl;
    long long posFromLeft = 0;  // 0-based position counted from the left
    for (char c : path) posFromLeft = posFromLeft * 2 + (c == 'R');
    long long posFromRight = (1LL << d) - 1 - posFromLeft;
    cout << below + posFromRight + 1 << endl;
}
