# Bug: checks whether b is divisible by a instead.
a, b = map(int, input().split())
print("YES" if b % a == 0 else "NO")
