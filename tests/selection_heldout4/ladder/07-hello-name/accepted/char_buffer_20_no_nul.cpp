#include <cstdio>
int main() {
    char name[20];
    scanf("%s", name);
    printf("Hello, %s!\n", name);
    return 0;
}
