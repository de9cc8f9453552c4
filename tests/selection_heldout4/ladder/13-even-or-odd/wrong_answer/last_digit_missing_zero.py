s = input().strip()
if s[-1] in "2468":
    print("even")
else:
    print("odd")
