#include <bits/stdc++.h>
using namespace std;
int main(){ int y; cin>>y;
  if(y%100==0) cout<<"NO\n";
  else if(y%4==0 || y%400==0) cout<<"YES\n";
  else cout<<"NO\n"; }
