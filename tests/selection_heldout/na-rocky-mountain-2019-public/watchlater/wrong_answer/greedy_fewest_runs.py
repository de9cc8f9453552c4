# Mistake: greedy that always watches the type with the fewest current runs next; not always optimal.
n, k = map(int, input().split())
s = list(input().strip())
total = 0
while s:
    runs = {}
    for i, ch in enumerate(s):
        if i == 0 or s[i - 1] != ch:
            runs[ch] = runs.get(ch, 0) + 1
    best = min(sorted(runs), key=lambda ch: runs[ch])
    total += runs[best]
    s = [ch for ch in s if ch != best]
print(total)
