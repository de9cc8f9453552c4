#include <bits/stdc++.h>
using namespace std;

int W, N;
int tx, ty;
int wx1[1005], wy1[1005], wx2[1005], wy2[1005];
int px[1005], py[1005], fx[1005], fy[1005];

int cross(int ax, int ay, int bx, int by, int cx, int cy) {
    long long v = (long long)((bx - ax) * (cy - ay)) - (long long)((by - ay) * (cx - ax));
    return v > 0 ? 1 : (v < 0 ? -1 : 0);
}

bool inBox(int ax, int ay, int bx, int by, int x, int y) {
    return min(ax, bx) <= x && x <= max(ax, bx) && min(ay, by) <= y && y <= max(ay, by);
}

bool hits(int i, int j) {
    int o1 = cross(px[i], py[i], tx, ty, wx1[j], wy1[j]);
    int o2 = cross(px[i], py[i], tx, ty, wx2[j], wy2[j]);
    int o3 = cross(wx1[j], wy1[j], wx2[j], wy2[j], px[i], py[i]);
    int o4 = cross(wx1[j], wy1[j], wx2[j], wy2[j], tx, ty);
    if (o1 * o2 < 0 && o3 * o4 < 0) return true;
    if (o1 == 0 && inBox(px[i], py[i], tx, ty, wx1[j], wy1[j])) return true;
    if (o2 == 0 && inBox(px[i], py[i], tx, ty, wx2[j], wy2[j])) return true;
    return false;
}

int main() {
    scanf("%d %d %d %d", &W, &N, &tx, &ty);
    for (int i = 0; i < W; i++) scanf("%d %d %d %d", &wx1[i], &wy1[i], &wx2[i], &wy2[i]);
    for (int i = 0; i < N; i++) scanf("%d %d %d %d", &px[i], &py[i], &fx[i], &fy[i]);
    for (int i = 0; i < N; i++) {
        long long dx = tx - px[i], dy = ty - py[i];
        long long rx = fx[i] - px[i], ry = fy[i] - py[i];
        bool ok = dx * dx + dy * dy <= rx * rx + ry * ry && dx * rx + dy * ry >= 0;
        for (int j = 0; ok && j < W; j++) if (hits(i, j)) ok = false;
        for (int j = 0; ok && j < N; j++)
            if (j != i && cross(px[i], py[i], tx, ty, px[j], py[j]) == 0 &&
                inBox(px[i], py[i], tx, ty, px[j], py[j])) ok = false;
        puts(ok ? "visible" : "not visible");
    }
}
