#include <cstdio>
#include <cstring>
char s[10005], t[10005];
int main(){
    scanf("%s", s);
    int n = strlen(s);
    for (int i = 0; i < n; i++) t[i] = s[n - 1 - i];
    t[n] = 0;
    printf("%s\n", t);
}
