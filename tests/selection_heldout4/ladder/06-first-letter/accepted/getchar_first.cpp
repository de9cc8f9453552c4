#include <cstdio>
int main() {
    int c = getchar();
    while (c == ' ' || c == '\n' || c == '\r') c = getchar();
    putchar(c);
    putchar('\n');
    return 0;
}
