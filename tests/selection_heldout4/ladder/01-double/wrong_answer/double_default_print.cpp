#include <iostream>
using namespace std;
int main() {
    double n;
    cin >> n;
    cout << n * 2 << endl;
    return 0;
}
