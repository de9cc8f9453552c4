#include <bits/stdc++.h>
using namespace std;
int main(){ int a,b; cin>>a>>b; int m=b;
  while(m<a) m+=b;
  cout<<(m==a?"YES":"NO")<<"\n"; }
