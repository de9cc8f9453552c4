#include <cstdio>
#include <cstring>
char s[10005];
int main(){
    scanf("%s", s);
    int n = strlen(s), cnt = 0;
    for (int i = 0; i < n; i++)
        if (s[i]=='a'||s[i]=='e'||s[i]=='i'||s[i]=='o'||s[i]=='u') cnt++;
    printf("%d\n", cnt);
}
