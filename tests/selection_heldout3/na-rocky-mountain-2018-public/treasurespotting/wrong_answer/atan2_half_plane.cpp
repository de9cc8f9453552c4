#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

ll cross(ll ax, ll ay, ll bx, ll by) { return ax * by - ay * bx; }
int sg(ll v) { return (v > 0) - (v < 0); }

int main() {
    int W, P;
    scanf("%d %d", &W, &P);
    ll tx, ty;
    scanf("%lld %lld", &tx, &ty);
    vector<array<ll, 4>> w(W), p(P);
    for (auto &a : w) scanf("%lld %lld %lld %lld", &a[0], &a[1], &a[2], &a[3]);
    for (auto &a : p) scanf("%lld %lld %lld %lld", &a[0], &a[1], &a[2], &a[3]);
    for (int i = 0; i < P; i++) {
        ll x = p[i][0], y = p[i][1];
        ll dx = tx - x, dy = ty - y, rx = p[i][2] - x, ry = p[i][3] - y;
        bool ok = dx * dx + dy * dy <= rx * rx + ry * ry;
        double diff = fabs(atan2((double)dy, (double)dx) - atan2((double)ry, (double)rx));
        if (diff > M_PI) diff = 2 * M_PI - diff;
        if (diff > M_PI / 2) ok = false;
        for (int j = 0; ok && j < W; j++) {
            ll ax = w[j][0], ay = w[j][1], bx = w[j][2], by = w[j][3];
            int o1 = sg(cross(dx, dy, ax - x, ay - y)), o2 = sg(cross(dx, dy, bx - x, by - y));
            int o3 = sg(cross(bx - ax, by - ay, x - ax, y - ay)), o4 = sg(cross(bx - ax, by - ay, tx - ax, ty - ay));
            if (o1 * o2 < 0 && o3 * o4 < 0) ok = false;
            else if (o1 == 0 && min(x, tx) <= ax && ax <= max(x, tx) && min(y, ty) <= ay && ay <= max(y, ty)) ok = false;
            else if (o2 == 0 && min(x, tx) <= bx && bx <= max(x, tx) && min(y, ty) <= by && by <= max(y, ty)) ok = false;
        }
        for (int j = 0; ok && j < P; j++) {
            if (j == i) continue;
            ll qx = p[j][0], qy = p[j][1];
            if (cross(dx, dy, qx - x, qy - y) == 0 && min(x, tx) <= qx && qx <= max(x, tx) && min(y, ty) <= qy && qy <= max(y, ty)) ok = false;
        }
        puts(ok ? "visible" : "not visible");
    }
}
