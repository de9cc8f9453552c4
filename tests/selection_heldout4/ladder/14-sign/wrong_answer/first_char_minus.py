s = input().strip()
if s[0] == "-":
    print("negative")
else:
    print("positive")
