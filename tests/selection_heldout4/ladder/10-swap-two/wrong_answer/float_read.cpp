#include <bits/stdc++.h>
using namespace std;
int main(){ float a,b; cin>>a>>b; cout<<b<<" "<<a<<"\n"; }
