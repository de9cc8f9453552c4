#include <bits/stdc++.h>
using namespace std;
int main(){ string s; cin>>s; int n=s.size(); bool ok=true;
  for(int i=0;i<n/2-1;i++) if(s[i]!=s[n-1-i]) ok=false;
  cout<<(ok?"YES":"NO")<<"\n"; }
