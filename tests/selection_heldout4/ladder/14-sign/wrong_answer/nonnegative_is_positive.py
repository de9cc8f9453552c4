n = int(input())
print("positive" if n >= 0 else "negative")
