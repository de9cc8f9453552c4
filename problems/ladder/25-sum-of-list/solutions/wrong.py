# Bug: sums every number in the input, n included.
import sys
print(sum(map(int, sys.stdin.read().split())))
