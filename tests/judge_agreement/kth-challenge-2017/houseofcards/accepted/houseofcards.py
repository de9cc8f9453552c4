# A house of height h uses h(3h+1)/2 cards; the suits can be equal iff that is divisible by 4.
h = int(input())
while h * (3 * h + 1) // 2 % 4:
    h += 1
print(h)
