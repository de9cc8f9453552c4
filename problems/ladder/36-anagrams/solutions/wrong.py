# Bug: compares the sets of letters, ignoring how often each one occurs.
s = input().strip()
t = input().strip()
print("YES" if set(s) == set(t) else "NO")
