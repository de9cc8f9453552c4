#include <bits/stdc++.h>
using namespace std;
int main(){ float n; cin>>n; if(fmod(n,2)==0) cout<<"even\n"; else cout<<"odd\n"; }
