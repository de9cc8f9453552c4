import sys
line = sys.stdin.readline()
print(len(line) - 1)
