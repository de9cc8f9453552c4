import sys

times = list(map(int, sys.stdin.read().split()))[1:]
if len(times) % 2:
    print("still running")
else:
    print(sum(times[i + 1] - times[i] for i in range(0, len(times), 2)))
