# Yes iff start and goal both have two equal neighbours: ignores that boundaries never increase.
n = int(input())
start, goal = input().strip(), input().strip()


def has_pair(s):
    return any(s[i] == s[i - 1] for i in range(n))


print("yes" if has_pair(start) and has_pair(goal) else "no")
