#include <cstdio>
#include <cstring>
int main() {
    char s[1000];
    fgets(s, sizeof(s), stdin);
    int n = strlen(s);
    for (int i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z') s[i] = s[i] - 'a' + 'A';
    printf("%s", s);
    if (n == 0 || s[n - 1] != '\n') printf("\n");
}
