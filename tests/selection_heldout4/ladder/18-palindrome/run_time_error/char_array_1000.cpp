#include <bits/stdc++.h>
using namespace std;
int main(){ char s[1005]; scanf("%s", s); int n=strlen(s); bool ok=true;
  for(int i=0;i<n/2;i++) if(s[i]!=s[n-1-i]) {ok=false; break;}
  printf("%s\n", ok?"YES":"NO"); }
