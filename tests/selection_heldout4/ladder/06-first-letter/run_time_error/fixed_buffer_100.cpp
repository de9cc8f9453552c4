#include <bits/stdc++.h>
using namespace std;
int main() {
    char s[100];
    scanf("%s", s);
    printf("%c\n", s[0]);
    return 0;
}
