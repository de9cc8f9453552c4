#include <bits/stdc++.h>
using namespace std;
int main(){ long long w,h; cin>>w>>h; cout<<w*h<<" "<<2*(w+h)<<"\n"; }
