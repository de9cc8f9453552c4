# Reads one line more than there is: EOFError on every test.
n = int(input())
rows = [input() for _ in range(n + 1)]
