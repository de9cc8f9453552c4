# Counts colour boundaries along a line, forgetting that the circle closes.
n = int(input())
start, goal = input().strip(), input().strip()


def boundaries(s):
    return sum(s[i] != s[i + 1] for i in range(n - 1))


a, b = boundaries(start), boundaries(goal)
print("yes" if b < a or (b == a and 0 < a < n - 1) else "no")
