#include <cstdio>
#include <cstring>
int main() {
    char s[1005];
    scanf("%s", s);
    int n = strlen(s);
    for (int i = 0; i < n; i++) s[i] -= 32;
    printf("%s\n", s);
    return 0;
}
