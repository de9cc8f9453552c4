// Mistake: counts winning sequences exactly in long long and divides by s^n at the end; the counts overflow 64 bits.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, s, k;
    cin >> n >> s >> k;
    vector<long long> cnt(s + 1, 0), nc(s + 1);
    cnt[0] = 1;
    long long total = 1;
    for (int i = 0; i < n; i++) {
        fill(nc.begin(), nc.end(), 0);
        for (int j = 0; j <= s; j++) {
            if (!cnt[j]) continue;
            nc[j] += cnt[j] * j;
            if (j < s) nc[j + 1] += cnt[j] * (s - j);
        }
        swap(cnt, nc);
        total *= s;
    }
    long long good = 0;
    for (int j = k; j <= s; j++) good += cnt[j];
    printf("%.10f\n", (double)good / (double)total);
}
