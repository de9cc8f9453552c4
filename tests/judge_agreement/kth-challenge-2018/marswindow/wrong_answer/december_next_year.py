# Adds 2 years and 2 months at a time, wrapping the month at >= 12 with months 1..12:
# a December window is moved into the next year.
y = int(input())
year, month = 2018, 4
while year < y:
    year, month = year + 2, month + 2
    if month >= 12:
        year, month = year + 1, month - 12
print("yes" if year == y else "no")
