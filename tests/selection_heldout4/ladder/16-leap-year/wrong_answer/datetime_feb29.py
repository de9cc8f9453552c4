import datetime
y = int(input())
try:
    datetime.date(y, 2, 29)
    print("YES")
except ValueError:
    print("NO")
