#include <bits/stdc++.h>
using namespace std;
int main() {
    char w[100], best[100];
    best[0] = 0;
    while (scanf("%s", w) == 1)
        if (strlen(w) > strlen(best)) strcpy(best, w);
    printf("%s\n", best);
}
