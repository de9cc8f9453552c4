# Bug: divides with /, which prints a fraction such as 2.0833333333333335.
s = int(input())
print(s / 60, s % 60)
