#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

struct Point { ll x, y; };

int orientation(Point p, Point q, Point r) {
    __int128 val = (__int128)(q.y - p.y) * (r.x - q.x) - (__int128)(q.x - p.x) * (r.y - q.y);
    if (val == 0) return 0;
    return (val > 0) ? 1 : 2;
}

bool doIntersect(Point p1, Point q1, Point p2, Point q2) {
    int o1 = orientation(p1, q1, p2);
    int o2 = orientation(p1, q1, q2);
    int o3 = orientation(p2, q2, p1);
    int o4 = orientation(p2, q2, q1);
    if (o1 != o2 && o3 != o4) return true;
    return false;
}

bool onSegment(Point p, Point q, Point r) {
    return q.x <= max(p.x, r.x) && q.x >= min(p.x, r.x) &&
           q.y <= max(p.y, r.y) && q.y >= min(p.y, r.y);
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int W, P;
    cin >> W >> P;
    Point t;
    cin >> t.x >> t.y;
    vector<pair<Point, Point>> walls(W);
    for (auto &w : walls) cin >> w.first.x >> w.first.y >> w.second.x >> w.second.y;
    vector<Point> pos(P), far(P);
    for (int i = 0; i < P; i++) cin >> pos[i].x >> pos[i].y >> far[i].x >> far[i].y;
    for (int i = 0; i < P; i++) {
        ll dx = t.x - pos[i].x, dy = t.y - pos[i].y;
        ll rx = far[i].x - pos[i].x, ry = far[i].y - pos[i].y;
        bool can = (__int128)dx * dx + (__int128)dy * dy <= (__int128)rx * rx + (__int128)ry * ry;
        if ((__int128)dx * rx + (__int128)dy * ry < 0) can = false;
        for (int j = 0; can && j < W; j++)
            if (doIntersect(pos[i], t, walls[j].first, walls[j].second)) can = false;
        for (int j = 0; can && j < P; j++)
            if (j != i && orientation(pos[i], pos[j], t) == 0 && onSegment(pos[i], pos[j], t)) can = false;
        cout << (can ? "visible" : "not visible") << '\n';
    }
}
