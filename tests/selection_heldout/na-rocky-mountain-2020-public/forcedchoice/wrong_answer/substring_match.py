# Mistake: tests whether the prediction occurs as a substring of the chosen cards' text, so 3 matches 13.
n, p, s = map(int, input().split())
for _ in range(s):
    parts = input().split()
    chosen = " ".join(parts[1:])
    print("KEEP" if str(p) in chosen else "REMOVE")
