# Bug: reads the whole input, so the line break is counted as a letter.
import sys
print(len(sys.stdin.read()))
