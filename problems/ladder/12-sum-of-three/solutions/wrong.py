# Bug: reads only the first two lines.
print(int(input()) + int(input()))
