#include <cstdio>
char s[1000];
int n;
int main() {
    scanf("%s", s);
    printf("%c\n", s[0]);
    return 0;
}
