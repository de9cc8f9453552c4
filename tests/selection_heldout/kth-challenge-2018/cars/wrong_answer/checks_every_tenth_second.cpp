// Mistake: checks the positions only every 0.1 s, missing short overlaps of fast or small cars.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int T;
    cin >> T;
    double px[2], py[2], vx[2], vy[2], hx[2], hy[2];
    for (int c = 0; c < 2; c++) {
        char d; double x, y, s, w, l;
        cin >> d >> x >> y >> s >> w >> l;
        px[c] = x; py[c] = y; vx[c] = vy[c] = 0;
        if (d == 'N') vy[c] = s;
        if (d == 'S') vy[c] = -s;
        if (d == 'E') vx[c] = s;
        if (d == 'W') vx[c] = -s;
        if (d == 'N' || d == 'S') { hx[c] = w / 2; hy[c] = l / 2; }
        else { hx[c] = l / 2; hy[c] = w / 2; }
    }
    bool crash = false;
    long long steps = 10LL * T;
    for (long long i = 0; i <= steps && !crash; i++) {
        double t = (double)i / 10;
        double dx = fabs((px[1] + vx[1] * t) - (px[0] + vx[0] * t));
        double dy = fabs((py[1] + vy[1] * t) - (py[0] + vy[0] * t));
        if (dx < hx[0] + hx[1] - 1e-9 && dy < hy[0] + hy[1] - 1e-9) crash = true;
    }
    cout << (crash ? "crash" : "safe") << endl;
}
