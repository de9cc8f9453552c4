#include <cstdio>
int main() {
    char name[20];
    scanf("%19s", name);
    printf("Hello, %s!\n", name);
    return 0;
}
