// Mistake: minimises the total number of changes to all other alternatives instead of the maximum.
#include <bits/stdc++.h>
using namespace std;
int main() {
    string line;
    getline(cin, line);
    getline(cin, line);
    int n = stoi(line);
    vector<string> raw(n);
    vector<vector<string>> parts(n);
    for (int i = 0; i < n; i++) {
        getline(cin, raw[i]);
        size_t start = 0;
        while (true) {
            size_t pos = raw[i].find(", ", start);
            if (pos == string::npos) { parts[i].push_back(raw[i].substr(start)); break; }
            parts[i].push_back(raw[i].substr(start, pos - start));
            start = pos + 2;
        }
    }
    vector<int> tot(n, 0);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            for (size_t t = 0; t < parts[i].size(); t++) tot[i] += parts[i][t] != parts[j][t];
    int m = *min_element(tot.begin(), tot.end());
    for (int i = 0; i < n; i++) if (tot[i] == m) cout << raw[i] << "\n";
}
