#include <cstdio>
int main() {
    char name[10];
    scanf("%s", name);
    printf("Hello, %s!\n", name);
    return 0;
}
