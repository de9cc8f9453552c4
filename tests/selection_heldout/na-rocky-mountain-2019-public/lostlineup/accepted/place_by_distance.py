n=int(input())
d=list(map(int,input().split())) if n>1 else []
res=[0]*n
res[0]=1
for i,x in enumerate(d):
    res[x+1]=i+2
print(*res)
