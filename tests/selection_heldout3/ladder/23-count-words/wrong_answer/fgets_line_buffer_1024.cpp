#include <stdio.h>
#include <string.h>
int main() {
    char line[1024];
    fgets(line, sizeof(line), stdin);
    int n = strlen(line), cnt = 0, inWord = 0;
    for (int i = 0; i < n; i++) {
        if (line[i] >= 'a' && line[i] <= 'z') {
            if (!inWord) cnt++;
            inWord = 1;
        } else {
            inWord = 0;
        }
    }
    printf("%d\n", cnt);
    return 0;
}
