#include <bits/stdc++.h>
using namespace std;
int main(){ int w,h; cin>>w>>h; long long area=1LL*w*h; int per=2*(w+h); cout<<area<<" "<<per<<"\n"; }
