# A charm never adds a colour boundary (around the circle): it moves one or removes two.
# Moving needs a block of length >= 2 and some boundary, so: fewer boundaries is always
# reachable, the same number only when the start is neither one colour nor alternating.
n = int(input())
start, goal = input().strip(), input().strip()


def boundaries(s):
    return sum(s[i] != s[i - 1] for i in range(n))


a, b = boundaries(start), boundaries(goal)
print("yes" if b < a or (b == a and 0 < a < n) else "no")
