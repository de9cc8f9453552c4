#include <bits/stdc++.h>
using namespace std;
int main(){ int n; cin>>n; if(n>0) cout<<"positive\n"; else cout<<"negative\n"; }
