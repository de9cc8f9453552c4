# Bug: checks only a + b > c, which misses a long first or second side.
a, b, c = map(int, input().split())
print("YES" if a + b > c else "NO")
