# Bug: sorts the numbers as strings, so "10" comes before "9" and negatives go wrong.
n = int(input())
print(" ".join(sorted(input().split())))
