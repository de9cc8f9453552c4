#include <bits/stdc++.h>
using namespace std;
int main() {
    char s[10];
    scanf("%s", s);
    int len = strlen(s);
    int i = len - 1;
    while (i > 0 && s[i] == '0') i--;
    for (; i >= 0; i--) putchar(s[i]);
    putchar('\n');
}
