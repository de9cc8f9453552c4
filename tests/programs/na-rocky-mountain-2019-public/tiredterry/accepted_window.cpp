#include <iostream>
#include <string>
using namespace std;
int main() {
    int n, p, d;
    string s;
    cin >> n >> p >> d >> s;
    // sleep in the window ending at second n-1 of the previous period, then slide
    int sleep = 0;
    for (int k = n - p; k < n; k++) sleep += s[k] == 'Z';
    int tired = 0;
    for (int i = 0; i < n; i++) {
        sleep += s[i] == 'Z';
        sleep -= s[((i - p) % n + n) % n] == 'Z';
        if (sleep < d) tired++;
    }
    cout << tired << endl;
}
