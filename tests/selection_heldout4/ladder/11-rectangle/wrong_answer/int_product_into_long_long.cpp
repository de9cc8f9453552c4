#include <bits/stdc++.h>
using namespace std;
int main(){ int w,h; cin>>w>>h; long long area=w*h; long long per=2LL*(w+h); cout<<area<<" "<<per<<"\n"; }
