// Mistake: stores the probabilities in 32-bit float, whose rounding errors exceed 1e-6 after many attempts.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    int N = 1 << n;
    vector<float> prob(N, 0.0f);
    prob[N - 1] = 1.0f;
    for (int k = 0; k < m; k++) {
        int i, j;
        float p;
        scanf("%d %d %f", &i, &j, &p);
        i--, j--;
        int need = (1 << i) | (1 << j), bj = 1 << j;
        for (int s = 0; s < N; s++) {
            if ((s & need) != need || prob[s] == 0) continue;
            prob[s ^ bj] += prob[s] * p;
            prob[s] *= 1 - p;
        }
    }
    for (int a = 0; a < n; a++) {
        float t = 0;
        for (int s = 0; s < N; s++) if (s >> a & 1) t += prob[s];
        printf("%.10f\n", t);
    }
}
