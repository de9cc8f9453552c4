# Bug: reverses the text, keeping leading zeros (1200 becomes 0021).
print(input().strip()[::-1])
