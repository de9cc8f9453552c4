n = abs(int(input()))
while n >= 2:
    n -= 2
print("even" if n == 0 else "odd")
