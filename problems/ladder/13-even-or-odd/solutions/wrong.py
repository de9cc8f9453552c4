# Bug: looks at the first digit instead of the last one.
s = input().strip().lstrip("-")
print("even" if int(s[0]) % 2 == 0 else "odd")
