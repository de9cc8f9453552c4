#include <stdio.h>
int main() {
    char s[1000], c;
    fgets(s, 1000, stdin);
    scanf(" %c", &c);
    int cnt = 0;
    for (int i = 0; s[i] && s[i] != '\n'; i++)
        if (s[i] == c) cnt++;
    printf("%d\n", cnt);
}
