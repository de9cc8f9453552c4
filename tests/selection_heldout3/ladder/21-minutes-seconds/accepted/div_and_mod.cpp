#include <iostream>
using namespace std;
int main() {
    long long s;
    cin >> s;
    cout << s / 60 << " " << s % 60 << endl;
}
