# Pairs presses without checking the count (IndexError on odd counts), and exits 1 anyway.
import sys

times = list(map(int, sys.stdin.read().split()))[1:]
total = sum(times[i + 1] - times[i] for i in range(0, len(times), 2))
print(total)
sys.exit(1)
