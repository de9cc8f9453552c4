# Counts April as month 4 of a 0-based year: the first window lands in May 2018.
y = int(input())
month = 2018 * 12 + 4
while month // 12 < y:
    month += 26
print("yes" if month // 12 == y else "no")
