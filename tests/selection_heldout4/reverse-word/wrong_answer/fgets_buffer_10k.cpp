#include <cstdio>
#include <cstring>
char s[10005];
int main(){
    fgets(s, sizeof s, stdin);
    int n = strlen(s);
    while (n > 0 && (s[n-1] == '\n' || s[n-1] == '\r')) s[--n] = 0;
    for (int i = n - 1; i >= 0; i--) putchar(s[i]);
    putchar('\n');
}
