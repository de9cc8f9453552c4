#include <cstdio>
int main() {
    int s;
    scanf("%d", &s);
    float t = s / 60.0f;
    int m = (int)t;
    int r = s - m * 60;
    printf("%d %d\n", m, r);
}
