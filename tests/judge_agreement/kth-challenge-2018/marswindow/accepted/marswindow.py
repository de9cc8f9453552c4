y = int(input())
month = 2018 * 12 + 3  # April 2018, months counted from year 0, January = 0
while month // 12 < y:
    month += 26
print("yes" if month // 12 == y else "no")
