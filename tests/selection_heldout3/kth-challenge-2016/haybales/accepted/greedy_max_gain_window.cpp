#include <bits/stdc++.h>
using namespace std;
int main() {
    string s;
    cin >> s;
    int n = s.size();
    long long ops = 0;
    while (true) {
        int best = 0, bi = -1;
        for (int i = 0; i + 2 < n; i++) {
            int g = 0;
            for (int x = 0; x < 3; x++)
                for (int y = x + 1; y < 3; y++)
                    if (s[i + x] == 'P' && s[i + y] == 'C') g++;
            if (g > best) { best = g; bi = i; }
        }
        if (bi < 0) break;
        sort(s.begin() + bi, s.begin() + bi + 3);
        ops++;
    }
    cout << ops << endl;
}
