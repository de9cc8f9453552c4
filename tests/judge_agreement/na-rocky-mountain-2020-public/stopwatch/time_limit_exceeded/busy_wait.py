# Simulates the stopwatch second by second, then waits for a press that never comes.
import sys

times = list(map(int, sys.stdin.read().split()))[1:]
while True:
    times.sort()
