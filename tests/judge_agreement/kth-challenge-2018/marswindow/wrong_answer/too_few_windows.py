# Only lists the first 1000 windows (to about year 4180).
y = int(input())
years = {(2018 * 12 + 3 + 26 * k) // 12 for k in range(1000)}
print("yes" if y in years else "no")
