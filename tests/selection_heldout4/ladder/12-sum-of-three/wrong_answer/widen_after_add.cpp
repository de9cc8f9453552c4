#include <bits/stdc++.h>
using namespace std;
int main(){ int a,b,c; cin>>a>>b>>c; long long s=a+b+c; cout<<s<<"\n"; }
