#include <bits/stdc++.h>
using namespace std;
int main(){ long long s=0,x; for(int i=0;i<3;i++){cin>>x; s+=x;} cout<<s<<"\n"; }
