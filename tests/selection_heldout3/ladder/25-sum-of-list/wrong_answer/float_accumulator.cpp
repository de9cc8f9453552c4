#include <cstdio>
int main() {
    int n;
    scanf("%d", &n);
    float sum = 0;
    for (int i = 0; i < n; i++) {
        float x;
        scanf("%f", &x);
        sum += x;
    }
    printf("%.0f\n", sum);
}
