# Forgets that one letter may appear an odd number of times.
from collections import Counter

print(sum(count % 2 for count in Counter(input().strip()).values()))
