// Split each line on ", ", build the full distance matrix, then pick the rows with the smallest maximum.
#include <bits/stdc++.h>
using namespace std;
int main() {
    string line;
    getline(cin, line);  // question
    getline(cin, line);
    int n = stoi(line);
    vector<string> raw(n);
    vector<vector<string>> parts(n);
    for (int i = 0; i < n; i++) {
        getline(cin, raw[i]);
        if (!raw[i].empty() && raw[i].back() == '\r') raw[i].pop_back();
        size_t start = 0;
        while (true) {
            size_t pos = raw[i].find(", ", start);
            if (pos == string::npos) { parts[i].push_back(raw[i].substr(start)); break; }
            parts[i].push_back(raw[i].substr(start, pos - start));
            start = pos + 2;
        }
    }
    vector<int> inc(n, 0);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int d = 0;
            size_t k = min(parts[i].size(), parts[j].size());
            for (size_t t = 0; t < k; t++) d += parts[i][t] != parts[j][t];
            inc[i] = max(inc[i], d);
        }
    int m = *min_element(inc.begin(), inc.end());
    for (int i = 0; i < n; i++) if (inc[i] == m) cout << raw[i] << "\n";
}
