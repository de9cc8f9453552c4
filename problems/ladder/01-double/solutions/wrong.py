# Bug: repeats the text of the number instead of doubling its value.
print(input().strip() * 2)
