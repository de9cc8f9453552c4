#!/usr/bin/env pypy3
import sys

citations = sorted(map(int, sys.stdin.read().split()[1:]), reverse=True)
h = 0
while h < len(citations) and citations[h] >= h + 1:
    h += 1
print(h)
