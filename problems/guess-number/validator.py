"""Input validator of guess-number (testlib convention: exit 0 valid, 1 not): one line `n x`
with 1 <= x <= n <= 10^9. Generated inputs it rejects are never given to the interactor."""

import re
import sys

text = sys.stdin.read()
match = re.fullmatch(r"([1-9][0-9]{0,9}) ([1-9][0-9]{0,9})\n", text)
valid = match is not None and 1 <= int(match[2]) <= int(match[1]) <= 10**9
sys.exit(0 if valid else 1)
