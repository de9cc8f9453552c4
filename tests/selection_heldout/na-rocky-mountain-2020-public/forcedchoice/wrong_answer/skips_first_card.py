# Mistake: slices the line as if it had two header numbers, so the first chosen card is never checked.
n, p, s = map(int, input().split())
for _ in range(s):
    parts = list(map(int, input().split()))
    print("KEEP" if p in parts[2:] else "REMOVE")
