#include <cstdio>
#include <cstring>
int main() {
    char s[1001];
    scanf("%s", s);
    printf("%d\n", (int)strlen(s));
    return 0;
}
