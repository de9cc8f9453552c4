#include <bits/stdc++.h>
using namespace std;
int cnt[1000001];
int main(){
    int n; scanf("%d", &n);
    for (int i = 0; i < n; i++) { int x; scanf("%d", &x); cnt[x]++; }
    bool first = true;
    for (int v = 0; v <= 1000000; v++)
        while (cnt[v]--) { printf(first ? "%d" : " %d", v); first = false; }
    printf("\n");
}
