#include <bits/stdc++.h>
using namespace std;
int main(){ int y; cin>>y; cout<<(y%4==0?"YES":"NO")<<"\n"; }
