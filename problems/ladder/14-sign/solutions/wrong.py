# Bug: forgets zero, which it calls positive.
n = int(input())
print("negative" if n < 0 else "positive")
