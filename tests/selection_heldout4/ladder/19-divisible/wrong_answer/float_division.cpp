#include <bits/stdc++.h>
using namespace std;
int main(){ float a,b; cin>>a>>b; float q=a/b;
  cout<<(q==floor(q)?"YES":"NO")<<"\n"; }
