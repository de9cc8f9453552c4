# Bug: leaves out the comma and the exclamation mark.
name = input().strip()
print("Hello", name)
