// Crash: dictionary capacity hard-coded to 1000 words (misread bound), N can be 5000 -> vector::at throws.
#include <bits/stdc++.h>
using namespace std;
const int MAXN = 1000;
int main() {
    int n, m;
    cin >> n >> m;
    vector<string> words(MAXN);
    for (int i = 0; i < n; i++) cin >> words.at(i);
    map<string, string> memo;
    for (int i = 0; i < m; i++) {
        string p;
        cin >> p;
        for (auto &ch : p) ch = tolower(ch);
        auto it = memo.find(p);
        if (it == memo.end()) {
            string ans = "No valid word";
            for (int j = 0; j < n; j++) {
                const string &w = words.at(j);
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
