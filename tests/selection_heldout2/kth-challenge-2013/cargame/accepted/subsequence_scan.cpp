#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, m;
    cin >> n >> m;
    vector<string> words(n);
    for (auto &w : words) cin >> w;
    map<string, string> memo;
    for (int i = 0; i < m; i++) {
        string p;
        cin >> p;
        for (auto &ch : p) ch = tolower(ch);
        auto it = memo.find(p);
        if (it == memo.end()) {
            string ans = "No valid word";
            for (auto &w : words) {
                size_t k = 0;
                for (char ch : w)
                    if (k < 3 && ch == p[k]) k++;
                if (k == 3) { ans = w; break; }
            }
            it = memo.emplace(p, ans).first;
        }
        cout << it->second << "\n";
    }
}
