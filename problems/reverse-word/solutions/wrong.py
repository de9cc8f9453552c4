# Bug: off-by-one, the loop stops before index 0 and loses the first letter.
s = input().strip()
out = []
for i in range(len(s) - 1, 0, -1):
    out.append(s[i])
print("".join(out))
