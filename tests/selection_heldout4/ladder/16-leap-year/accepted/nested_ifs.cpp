#include <bits/stdc++.h>
using namespace std;
int main(){ int y; cin>>y; bool leap;
  if(y%400==0) leap=true; else if(y%100==0) leap=false; else leap=(y%4==0);
  cout<<(leap?"YES":"NO")<<"\n"; }
