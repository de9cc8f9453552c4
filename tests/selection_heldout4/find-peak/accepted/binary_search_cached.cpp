#include <bits/stdc++.h>
using namespace std;
map<int,long long> memo;
long long ask(int i){
    auto it = memo.find(i);
    if (it != memo.end()) return it->second;
    cout << "? " << i << endl;
    long long v; cin >> v;
    memo[i] = v;
    return v;
}
int main(){
    int n; cin >> n;
    int lo = 1, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (ask(mid) < ask(mid + 1)) lo = mid + 1;
        else hi = mid;
    }
    cout << "! " << lo << endl;
}
