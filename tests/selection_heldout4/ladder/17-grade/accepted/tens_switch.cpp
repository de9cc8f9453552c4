#include <bits/stdc++.h>
using namespace std;
int main(){ int s; cin>>s; char g;
  switch(s/10){ case 10: case 9: g='A'; break; case 8: g='B'; break; case 7: g='C'; break; case 6: g='D'; break; default: g='F'; }
  cout<<g<<"\n"; }
