import sys


def main():
    n, m = map(int, sys.stdin.read().split())
    spare = m - (n - 1)          # edges that will not be plowed
    total = 0
    for i in range(1, n):
        # before the i-th tree edge the current component has i nodes and
        # i-1 tree edges, so at most (i-1)(i-2)/2 cheaper unplowed edges fit
        room = (i - 1) * (i - 2) // 2
        total += i + (spare if spare < room else room)
    print(total)


main()
