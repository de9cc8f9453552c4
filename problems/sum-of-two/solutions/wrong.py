# Bug: pulls the numbers out as digit runs, so minus signs are lost.
import re

a, b = map(int, re.findall(r"[0-9]+", input()))
print(a + b)
